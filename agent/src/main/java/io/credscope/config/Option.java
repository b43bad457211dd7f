package io.credscope.config;

import io.credscope.retry.ServerErrorRetries;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Every setting credscope accepts, its default, and what values it takes. */
public enum Option {
  ENABLED("enabled", "true", "true, false",
      "false switches credscope off without removing -javaagent") {
    @Override
    boolean accepts(String value) {
      return value.equals("true") || value.equals("false");
    }
  },
  AUDIT("audit", "off", "a file path, or off",
      "appends JSON Lines audit records to this file, in UTF-8") {
    @Override
    boolean accepts(String value) {
      return !value.isEmpty();
    }
  },
  LOG("log", "info", "off, error, warn, info, debug, trace",
      "the level of the human lines on stderr") {
    @Override
    boolean accepts(String value) {
      return Arrays.asList("off", "error", "warn", "info", "debug", "trace").contains(value);
    }
  },
  MASK("mask", "on", "on, off",
      "on shows access key ids as AKIA\u2026WXYZ; secrets are never shown") {
    @Override
    boolean accepts(String value) {
      return value.equals("on") || value.equals("off");
    }
  },
  /** Where the Micrometer meters go: nowhere, or into credscope's log every minute and at exit. */
  METRICS("metrics", "off", "off, log",
      "log publishes the Micrometer meters to credscope's log every minute and at exit") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || value.equals("log");
    }
  },
  /** Where the Prometheus endpoint listens, if anywhere; see {@link MeterExport#prometheusAddress}. */
  PROMETHEUS("prometheus", "off", "off, or [host:]port with a port from 1 to 65535",
      "serves the meters in the Prometheus text format at /metrics, on 127.0.0.1 unless a host is given") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || MeterExport.prometheusAddress(value) != null;
    }
  },
  /** Whether the meters are MBeans of the platform MBean server. */
  JMX("jmx", "off", "off, on", "publishes the meters as MBeans in the credscope domain") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || value.equals("on");
    }
  },
  /** The OpenTelemetry Collector's OTLP/HTTP metrics URL the meters are pushed to, if any. */
  OTLP("otlp", "off", "off, or an http or https URL, as http://127.0.0.1:4318/v1/metrics",
      "pushes the meters to an OpenTelemetry Collector at this URL") {
    @Override
    boolean accepts(String value) {
      return value.equals("off") || MeterExport.isOtlpUrl(value);
    }
  },
  /** How often the meters are pushed to {@link #OTLP}. */
  OTLP_STEP("otlpStep", "60s", "a duration from 1 s to 60 s, as 60s or 10000",
      "how often the meters are pushed to the otlp URL") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) >= 1000;
    }
  },
  /** How long the host probe waits for IMDS to connect and to answer, each; see {@link TimeoutValue}. */
  PROBE_TIMEOUT("probeTimeout", "1000", "milliseconds from 1 to 60000, as 1000, 500ms or 1s",
      "how long the host probe waits for IMDS, to connect and for each answer") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) > 0;
    }
  },
  /** Whether throttled AWS calls that no SDK retries are retried with backoff. */
  BACKOFF("backoff", "on", "on, off",
      "on retries throttled AWS calls that no SDK retries; off only watches them") {
    @Override
    boolean accepts(String value) {
      return value.equals("on") || value.equals("off");
    }
  },
  /** The backoff's base: the first retry waits below it, each later one below twice the one before. */
  BACKOFF_BASE("backoffBase", "1s", "a duration from 1 ms to 60 s, as 1000, 500ms or 1s",
      "the first retry waits below this, each later one below twice the one before") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) > 0;
    }
  },
  /** The most any one retry waits. */
  BACKOFF_CAP("backoffCap", "20s", "a duration from 1 ms to 60 s, as 20000, 500ms or 20s",
      "the longest any one retry waits, also when the server asks for longer") {
    @Override
    boolean accepts(String value) {
      return TimeoutValue.millis(value) > 0;
    }
  },
  /** Attempts in all, the first included. */
  BACKOFF_ATTEMPTS("backoffAttempts", "4", "a whole number from 1 to 10 (1: never retry)",
      "attempts in all, the first included") {
    @Override
    boolean accepts(String value) {
      return value.matches("[0-9]{1,2}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 10;
    }
  },
  BACKOFF_JITTER("backoffJitter", "full", "full, equal, decorrelated",
      "how each wait is drawn from its window") {
    @Override
    boolean accepts(String value) {
      return value.equals("full") || value.equals("equal") || value.equals("decorrelated");
    }
  },
  /**
   * Which requests answered by a server error are sent again: none, since one may have been applied, or those of
   * idempotent methods that name no Query {@code Action}.
   */
  BACKOFF_SERVER_ERRORS("backoffServerErrors", "off", "off, idempotent",
      "which requests answered by a server error are sent again: none, or idempotent ones that name no Action") {
    @Override
    boolean accepts(String value) {
      return ServerErrorRetries.forId(value) != null;
    }
  },
  /** The process-wide retry budget's tokens; each retry costs 5, so this many / 5 retries in a burst. */
  BACKOFF_BUDGET("backoffBudget", "500", "a whole number of tokens from 5 to 100000, 5 per retry",
      "the process-wide retry budget; each retry costs 5 tokens") {
    @Override
    boolean accepts(String value) {
      return value.matches("[0-9]{1,6}") && Integer.parseInt(value) >= 5 && Integer.parseInt(value) <= 100_000;
    }
  },
  /**
   * Hooks switched off by name, for an operator who must rule one out without removing the agent. A list: see
   * {@link AgentConfig#disabled(String)} for how an unknown name is reported while the known ones still apply.
   */
  DISABLE("disable", "none", "none, or names joined by commas: " + String.join(", ", Hooks.NAMES),
      "switches single hooks off by name: retry, or an instrumentation module") {
    @Override
    boolean accepts(String value) {
      return !value.isEmpty() && (value.equals("none") || Hooks.NAMES.containsAll(Hooks.split(value)));
    }
  };

  /** What {@code disable} can name. */
  static final class Hooks {

    /**
     * {@code retry}, then the instrumentation modules' names, as {@code InstrumentationModules} lists them (a test
     * holds the two together): plain strings, since the options are read before the application's main.
     */
    static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList("retry", "aws-sdk-v2-credentials",
        "aws-sdk-v1-credentials", "aws-sdk-operations", "jdk-httpurlconnection", "jdk-httpclient",
        "apache-httpclient-4", "apache-httpclient-5", "okhttp", "netty-nio-client", "modular-class-loaders"));

    private Hooks() {
    }

    static List<String> split(String value) {
      List<String> names = new java.util.ArrayList<String>();
      for (String name : value.split(",")) {
        if (!name.trim().isEmpty()) {
          names.add(name.trim());
        }
      }
      return names;
    }
  }

  private final String key;
  private final String defaultValue;
  private final String validValues;
  private final String description;

  /** An option without its line of help: OptionTest fails until it has one. */
  /** @param description what the option does, in one line: the CLI's help lists it */
  Option(String key, String defaultValue, String validValues, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.validValues = validValues;
    this.description = description;
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

  public String description() {
    return description;
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
