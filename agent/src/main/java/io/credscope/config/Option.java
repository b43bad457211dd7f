package io.credscope.config;

import java.util.Arrays;
import java.util.Locale;

/** Every setting credscope accepts, its default, and what values it takes. */
public enum Option {
  ENABLED("enabled", "true", "true, false") {
    @Override
    boolean accepts(String value) {
      return value.equals("true") || value.equals("false");
    }
  },
  AUDIT("audit", "off", "a file path, or off") {
    @Override
    boolean accepts(String value) {
      return !value.isEmpty();
    }
  },
  LOG("log", "info", "off, error, warn, info, debug, trace") {
    @Override
    boolean accepts(String value) {
      return Arrays.asList("off", "error", "warn", "info", "debug", "trace").contains(value);
    }
  },
  MASK("mask", "on", "on, off") {
    @Override
    boolean accepts(String value) {
      return value.equals("on") || value.equals("off");
    }
  };

  private final String key;
  private final String defaultValue;
  private final String validValues;

  Option(String key, String defaultValue, String validValues) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.validValues = validValues;
  }

  abstract boolean accepts(String value);

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String validValues() {
    return validValues;
  }

  public String systemProperty() {
    return "credscope." + key;
  }

  public String environmentVariable() {
    return "CREDSCOPE_" + key.toUpperCase(Locale.ROOT);
  }

  /** Returns the option with this key, or {@code null}. */
  static Option forKey(String key) {
    for (Option option : values()) {
      if (option.key.equals(key)) {
        return option;
      }
    }
    return null;
  }

  static String keys() {
    StringBuilder keys = new StringBuilder();
    for (Option option : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(option.key);
    }
    return keys.toString();
  }
}
