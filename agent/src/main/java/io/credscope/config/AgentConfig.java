package io.credscope.config;

import io.credscope.retry.Jitter;
import io.credscope.retry.RetryBudget;
import io.credscope.retry.RetryPolicy;
import io.credscope.retry.ServerErrorRetries;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The agent's settings. Agent arguments win over {@code credscope.*} system properties, which win
 * over {@code CREDSCOPE_*} environment variables, which win over the defaults. A setting that cannot
 * be understood is reported as one line and replaced by its default: configuration never stops the
 * agent, let alone the application.
 */
public final class AgentConfig {

  private final Map<Option, String> values;

  private AgentConfig(Map<Option, String> values) {
    this.values = values;
  }

  public static AgentConfig defaults() {
    return new AgentConfig(new EnumMap<Option, String>(Option.class));
  }

  /**
   * Reads the settings from their three sources.
   *
   * @param agentArguments what followed {@code =} in {@code -javaagent:credscope-agent.jar=...}, or {@code null}
   * @param problems receives one readable line per setting that was ignored
   */
  public static AgentConfig load(String agentArguments, Properties systemProperties,
      Map<String, String> environment, Consumer<String> problems) {
    Map<Option, String> values = new EnumMap<Option, String>(Option.class);
    readEnvironment(environment, values, problems);
    readSystemProperties(systemProperties, values, problems);
    readAgentArguments(agentArguments, values, problems);
    return new AgentConfig(values);
  }

  private static void readEnvironment(Map<String, String> environment, Map<Option, String> values,
      Consumer<String> problems) {
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      if (name.startsWith("CREDSCOPE_")) {
        Option option = Option.forKey(name.substring("CREDSCOPE_".length()).toLowerCase(java.util.Locale.ROOT));
        accept(option, name.substring("CREDSCOPE_".length()), variable.getValue(),
            "environment variable " + name, values, problems);
      }
    }
  }

  private static void readSystemProperties(Properties properties, Map<Option, String> values,
      Consumer<String> problems) {
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("credscope.")) {
        String key = name.substring("credscope.".length());
        accept(Option.forKey(key), key, properties.getProperty(name), "system property " + name, values, problems);
      }
    }
  }

  private static void readAgentArguments(String arguments, Map<Option, String> values, Consumer<String> problems) {
    if (arguments == null || arguments.trim().isEmpty()) {
      return;
    }
    String listKey = null;
    StringBuilder list = null;
    for (String pair : arguments.split(",")) {
      String trimmed = pair.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0 && list != null) {
        // Agent arguments are split at commas, so "disable=retry,okhttp" arrives as two pieces.
        list.append(',').append(trimmed);
        continue;
      }
      if (list != null) {
        accept(Option.DISABLE, listKey, list.toString(), "agent arguments", values, problems);
        list = null;
      }
      if (equals < 0) {
        problems.accept("agent argument '" + trimmed + "' is not key=value; valid keys: " + Option.keys());
        continue;
      }
      String key = trimmed.substring(0, equals).trim();
      Option option = Option.forKey(key);
      if (option == Option.DISABLE) {
        listKey = key;
        list = new StringBuilder(trimmed.substring(equals + 1).trim());
        continue;
      }
      accept(option, key, trimmed.substring(equals + 1).trim(), "agent arguments", values, problems);
    }
    if (list != null) {
      accept(Option.DISABLE, listKey, list.toString(), "agent arguments", values, problems);
    }
  }

  private static void accept(Option option, String key, String value, String origin, Map<Option, String> values,
      Consumer<String> problems) {
    if (option == null) {
      problems.accept("unknown option '" + key + "' (from " + origin + "); valid options: " + Option.keys());
    } else if (option == Option.DISABLE && !option.accepts(value) && !Option.Hooks.split(value).isEmpty()) {
      acceptKnownHooks(value, origin, values, problems);
    } else if (!option.accepts(value)) {
      values.remove(option);
      problems.accept("option '" + option.key() + "' has invalid value '" + value + "' (from " + origin
          + "); valid values: " + option.validValues() + "; using the default '" + option.defaultValue() + "'");
    } else {
      values.put(option, value);
    }
  }

  /** One line for every unknown name; the known ones still switch their hooks off. */
  private static void acceptKnownHooks(String value, String origin, Map<Option, String> values,
      Consumer<String> problems) {
    List<String> known = new ArrayList<String>();
    List<String> unknown = new ArrayList<String>();
    for (String name : Option.Hooks.split(value)) {
      (Option.Hooks.NAMES.contains(name) ? known : unknown).add(name);
    }
    if (known.isEmpty()) {
      values.remove(Option.DISABLE);
    } else {
      values.put(Option.DISABLE, String.join(",", known));
    }
    problems.accept("option '" + Option.DISABLE.key() + "' names no hook '" + String.join("', '", unknown)
        + "' (from " + origin + "); valid names: " + String.join(", ", Option.Hooks.NAMES) + "; "
        + (known.isEmpty() ? "nothing is switched off" : "switching off " + String.join(", ", known) + " only"));
  }

  public String get(Option option) {
    String value = values.get(option);
    return value == null ? option.defaultValue() : value;
  }

  public boolean enabled() {
    return Boolean.parseBoolean(get(Option.ENABLED));
  }

  /** The audit log's path, or {@code null} when the audit log is off. */
  public String auditFile() {
    String audit = get(Option.AUDIT);
    return audit.equals("off") ? null : audit;
  }

  public String logLevel() {
    return get(Option.LOG);
  }

  /** How long the host probe waits for IMDS, per connection and per answer. */
  public int probeTimeoutMillis() {
    return (int) TimeoutValue.millis(get(Option.PROBE_TIMEOUT));
  }

  /** Whether the Micrometer meters are published to credscope's log. */
  public boolean metricsToLog() {
    return get(Option.METRICS).equals("log");
  }

  /** Where the Prometheus endpoint listens, unresolved, or {@code null} when it is off. */
  public java.net.InetSocketAddress prometheusAddress() {
    String value = get(Option.PROMETHEUS);
    return value.equals("off") ? null : MeterExport.prometheusAddress(value);
  }

  public boolean jmx() {
    return get(Option.JMX).equals("on");
  }

  /** The OTLP metrics URL, or {@code null} when nothing is pushed. */
  public String otlpUrl() {
    String value = get(Option.OTLP);
    return value.equals("off") ? null : value;
  }

  public long otlpStepMillis() {
    return TimeoutValue.millis(get(Option.OTLP_STEP));
  }

  /** Whether any option asks for the Micrometer meters, and so for Micrometer to load. */
  public boolean meters() {
    return metricsToLog() || prometheusAddress() != null || jmx() || otlpUrl() != null;
  }

  /** Whether credscope retries throttled AWS calls that no SDK retries; {@code disable=retry} is {@code backoff=off}. */
  public boolean backoff() {
    return get(Option.BACKOFF).equals("on") && !disabled("retry");
  }

  /** Whether {@code disable} names this hook: {@code retry}, or an instrumentation module's name. */
  public boolean disabled(String hook) {
    return Option.Hooks.NAMES.contains(hook) && Option.Hooks.split(get(Option.DISABLE)).contains(hook);
  }

  /**
   * The backoff policy the options describe. A base above the cap cannot be honoured: it is reported, and both take
   * their defaults.
   */
  public RetryPolicy retryPolicy(Consumer<String> problems) {
    long base = TimeoutValue.millis(get(Option.BACKOFF_BASE));
    long cap = TimeoutValue.millis(get(Option.BACKOFF_CAP));
    if (base > cap) {
      problems.accept("option '" + Option.BACKOFF_BASE.key() + "' (" + get(Option.BACKOFF_BASE) + ") is above '"
          + Option.BACKOFF_CAP.key() + "' (" + get(Option.BACKOFF_CAP) + "); using the defaults '"
          + Option.BACKOFF_BASE.defaultValue() + "' and '" + Option.BACKOFF_CAP.defaultValue() + "'");
      base = TimeoutValue.millis(Option.BACKOFF_BASE.defaultValue());
      cap = TimeoutValue.millis(Option.BACKOFF_CAP.defaultValue());
    }
    return new RetryPolicy(base, cap, Integer.parseInt(get(Option.BACKOFF_ATTEMPTS)),
        Jitter.forId(get(Option.BACKOFF_JITTER)), ServerErrorRetries.forId(get(Option.BACKOFF_SERVER_ERRORS)));
  }

  /** The process-wide retry budget: the configured tokens, 5 per retry, 1 back per first-attempt success. */
  public RetryBudget retryBudget() {
    return RetryBudget.ofTokens(Integer.parseInt(get(Option.BACKOFF_BUDGET)));
  }

  public boolean maskKeys() {
    return get(Option.MASK).equals("on");
  }
}
