package io.credscope.config;

import io.credscope.retry.ServerErrorRetries;
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
  },
  /** Where the Micrometer meters go: nowhere, or into credscope's log every minute and at exit. */
  METRICS("metrics", "off", "off, log") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || value.equals("log");
    }
  },
  /** Where the Prometheus endpoint listens, if anywhere; see {@link MeterExport#prometheusAddress}. */
  PROMETHEUS("prometheus", "off", "off, or [host:]port with a port from 1 to 65535") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || MeterExport.prometheusAddress(value) != null;
    }
  },
  /** Whether the meters are MBeans of the platform MBean server. */
  JMX("jmx", "off", "off, on") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || value.equals("on");
    }
  },
  /** The OpenTelemetry Collector's OTLP/HTTP metrics URL the meters are pushed to, if any. */
  OTLP("otlp", "off", "off, or an http or https URL, as http://127.0.0.1:4318/v1/metrics") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || MeterExport.isOtlpUrl(value);
    }
  },
  /** How often the meters are pushed to {@link #OTLP}. */
  OTLP_STEP("otlpStep", "60s", "a duration from 1 s to 60 s, as 60s or 10000") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) >= 1000;
    }
  },
  /** How long the host probe waits for IMDS to connect and to answer, each; see {@link TimeoutValue}. */
  PROBE_TIMEOUT("probeTimeout", "1000", "milliseconds from 1 to 60000, as 1000, 500ms or 1s") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) > 0;
    }
  },
  /** Whether throttled AWS calls that no SDK retries are retried with backoff. */
  BACKOFF("backoff", "on", "on, off") {
    @Override
    boolean accepts(String value) {
      return value.equals("on") || value.equals("off");
    }
  },
  /** The backoff's base: the first retry waits below it, each later one below twice the one before. */
  BACKOFF_BASE("backoffBase", "1s", "a duration from 1 ms to 60 s, as 1000, 500ms or 1s") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) > 0;
    }
  },
  /** The most any one retry waits. */
  BACKOFF_CAP("backoffCap", "20s", "a duration from 1 ms to 60 s, as 20000, 500ms or 20s") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) > 0;
    }
  },
  /** Attempts in all, the first included. */
  BACKOFF_ATTEMPTS("backoffAttempts", "4", "a whole number from 1 to 10 (1: never retry)") {
    @Override
    boolean accepts(String value) {
      return value.matches("[0-9]{1,2}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 10;
    }
  },
  BACKOFF_JITTER("backoffJitter", "full", "full, equal, decorrelated") {
    @Override
    boolean accepts(String value) {
      return value.equals("full") || value.equals("equal") || value.equals("decorrelated");
    }
  },
  /**
   * Which requests answered by a server error are sent again: none, since one may have been applied, or those of
   * idempotent methods that name no Query {@code Action}.
   */
  BACKOFF_SERVER_ERRORS("backoffServerErrors", "off", "off, idempotent") {
    @Override
    boolean accepts(String value) {
      return ServerErrorRetries.forId(value) != null;
    }
  },
  /** The process-wide retry budget's tokens; each retry costs 5, so this many / 5 retries in a burst. */
  BACKOFF_BUDGET("backoffBudget", "500", "a whole number of tokens from 5 to 100000, 5 per retry") {
    @Override
    boolean accepts(String value) {
      return value.matches("[0-9]{1,6}") && Integer.parseInt(value) >= 5 && Integer.parseInt(value) <= 100_000;
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

  /** {@code CREDSCOPE_} and the key in upper case, camel case split by underscores: {@code CREDSCOPE_PROBE_TIMEOUT}. */
  public String environmentVariable() {
    return "CREDSCOPE_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /**
   * Returns the option with this key, or {@code null}. The environment variable's name after {@code CREDSCOPE_}, in
   * lower case ({@code probe_timeout}), names its option too, because that is how {@link AgentConfig} looks
   * environment variables up.
   */
  static Option forKey(String key) {
    for (Option option : values()) {
      if (option.key.equals(key)
          || option.environmentVariable().substring("CREDSCOPE_".length()).toLowerCase(Locale.ROOT).equals(key)) {
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
