package io.credscope.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.instrumentation.InstrumentationModule;
import io.credscope.instrumentation.InstrumentationModules;
import io.credscope.retry.Jitter;
import io.credscope.retry.RetryPolicy;
import io.credscope.retry.ServerErrorRetries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  private final List<String> problems = new ArrayList<>();

  private AgentConfig load(String arguments, Properties properties, Map<String, String> environment) {
    return AgentConfig.load(arguments, properties, environment, problems::add);
  }

  private static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void defaultsWhenNothingIsSet() {
    AgentConfig config = load(null, new Properties(), Map.of());
    assertTrue(config.enabled());
    assertNull(config.auditFile());
    assertEquals("info", config.logLevel());
    assertTrue(config.maskKeys());
    assertTrue(problems.isEmpty());
  }

  @Test
  void agentArgumentsWinOverSystemPropertiesWhichWinOverEnvironment() {
    AgentConfig config = load("log=debug",
        properties("credscope.log", "warn", "credscope.audit", "/tmp/from-property.jsonl"),
        Map.of("CREDSCOPE_LOG", "error", "CREDSCOPE_AUDIT", "/tmp/from-env.jsonl", "CREDSCOPE_MASK", "off"));
    assertEquals("debug", config.logLevel());
    assertEquals("/tmp/from-property.jsonl", config.auditFile());
    assertFalse(config.maskKeys());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void severalAgentArguments() {
    AgentConfig config = load(" audit=/var/log/credscope.jsonl , mask=off,enabled=true ", new Properties(), Map.of());
    assertEquals("/var/log/credscope.jsonl", config.auditFile());
    assertFalse(config.maskKeys());
    assertTrue(config.enabled());
  }

  @Test
  void unknownKeyIsNamedWithTheValidOnes() {
    AgentConfig config = load("colour=blue", properties("credscope.verbose", "yes"), Map.of("CREDSCOPE_FOO", "1"));
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("unknown option 'colour' (from agent arguments); valid options: enabled, audit, log, mask, "
        + "metrics, prometheus, jmx, otlp, otlpStep, probeTimeout, backoff, backoffBase, backoffCap, backoffAttempts, backoffJitter, backoffServerErrors, backoffBudget, disable",
        problems.get(2));
    assertTrue(problems.get(1).contains("'verbose' (from system property credscope.verbose)"), problems.get(1));
    assertTrue(problems.get(0).contains("(from environment variable CREDSCOPE_FOO)"), problems.get(0));
    assertEquals("info", config.logLevel());
  }

  @Test
  void badValueFallsBackToTheDefaultAndSaysSo() {
    AgentConfig config = load("log=loud", properties("credscope.log", "debug"), Map.of());
    assertEquals("info", config.logLevel(), "the default, not the lower-precedence value");
    assertEquals(List.of("option 'log' has invalid value 'loud' (from agent arguments); valid values: off, error, "
        + "warn, info, debug, trace; using the default 'info'"), problems);
  }

  @Test
  void argumentWithoutEqualsIsReported() {
    load("debug", new Properties(), Map.of());
    assertEquals(
        List.of("agent argument 'debug' is not key=value; valid keys: enabled, audit, log, mask, metrics, prometheus, jmx, otlp, otlpStep, probeTimeout, "
            + "backoff, backoffBase, backoffCap, backoffAttempts, backoffJitter, backoffServerErrors, backoffBudget, disable"),
        problems);
  }

  @Test
  void auditOffMeansNoFile() {
    assertNull(load("audit=off", new Properties(), Map.of()).auditFile());
  }

  @Test
  void disabled() {
    assertFalse(load(null, new Properties(), Map.of("CREDSCOPE_ENABLED", "false")).enabled());
  }

  @Test
  void metricsGoNowhereUnlessAskedFor() {
    assertFalse(load(null, new Properties(), Map.of()).metricsToLog());
    assertTrue(load("metrics=log", new Properties(), Map.of()).metricsToLog());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void backoffDefaultsAreTheIssuesPolicy() {
    AgentConfig config = AgentConfig.defaults();
    assertTrue(config.backoff());
    RetryPolicy policy = config.retryPolicy(problem -> { throw new AssertionError(problem); });
    assertEquals(1000, policy.baseMillis());
    assertEquals(20_000, policy.capMillis());
    assertEquals(4, policy.maxAttempts());
    assertEquals(Jitter.FULL, policy.jitter());
    assertEquals(ServerErrorRetries.OFF, policy.serverErrors(), "no request is resent after a server error");
    assertEquals(500, config.retryBudget().capacity());
  }

  @Test
  void serverErrorsAreResentOnlyWhenAskedFor() {
    List<String> problems = new ArrayList<>();
    assertEquals(ServerErrorRetries.IDEMPOTENT, AgentConfig.load("backoffServerErrors=idempotent", new Properties(),
        Map.of(), problems::add).retryPolicy(problems::add).serverErrors());
    assertEquals(ServerErrorRetries.OFF, AgentConfig.load("backoffServerErrors=all", new Properties(), Map.of(),
        problems::add).retryPolicy(problems::add).serverErrors());
    assertEquals(List.of("option 'backoffServerErrors' has invalid value 'all' (from agent arguments); valid values: "
        + "off, idempotent; using the default 'off'"), problems);
  }

  @Test
  void backoffOptionsAreReadAndCheckedTogether() {
    List<String> problems = new ArrayList<>();
    AgentConfig config = AgentConfig.load("backoffBase=200ms,backoffCap=3s,backoffAttempts=6,backoffJitter=equal,"
        + "backoffBudget=50,backoffAttempts=11", new Properties(), Map.of("CREDSCOPE_BACKOFF", "off"), problems::add);
    assertFalse(config.backoff());
    RetryPolicy policy = config.retryPolicy(problems::add);
    assertEquals(200, policy.baseMillis());
    assertEquals(3000, policy.capMillis());
    assertEquals(4, policy.maxAttempts(), "11 is out of range: the default");
    assertEquals(Jitter.EQUAL, policy.jitter());
    assertEquals(50, config.retryBudget().capacity());
    assertEquals(1, problems.size(), problems.toString());

    List<String> crossed = new ArrayList<>();
    RetryPolicy defaults = AgentConfig.load("backoffBase=30s,backoffCap=2s", new Properties(), Map.of(), crossed::add)
        .retryPolicy(crossed::add);
    assertEquals(List.of("option 'backoffBase' (30s) is above 'backoffCap' (2s); using the defaults '1s' and '20s'"),
        crossed);
    assertEquals(1000, defaults.baseMillis());
    assertEquals(20_000, defaults.capMillis());
  }

  @Test
  void disableNamesHooksInAgentArgumentsDespiteTheirCommas() {
    AgentConfig config =
        load("log=warn,disable=retry,okhttp, apache-httpclient-4,mask=off", new Properties(), Map.of());
    assertTrue(config.disabled("retry"));
    assertTrue(config.disabled("okhttp"));
    assertTrue(config.disabled("apache-httpclient-4"));
    assertFalse(config.disabled("jdk-httpclient"));
    assertFalse(config.backoff(), "disable=retry is backoff=off");
    assertFalse(config.maskKeys(), "the option after the list is its own");
    assertEquals("warn", config.logLevel());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void nothingIsDisabledByDefaultAndEveryPlaceSetsIt() {
    AgentConfig none = load(null, new Properties(), Map.of());
    for (String hook : Option.Hooks.NAMES) {
      assertFalse(none.disabled(hook), hook);
    }
    assertTrue(none.backoff());
    assertTrue(load(null, properties("credscope.disable", "okhttp,netty-nio-client"), Map.of())
        .disabled("netty-nio-client"));
    AgentConfig fromEnvironment = load(null, new Properties(), Map.of("CREDSCOPE_DISABLE", "jdk-httpurlconnection"));
    assertTrue(fromEnvironment.disabled("jdk-httpurlconnection"));
    assertTrue(fromEnvironment.backoff(), "only retry switches retries off");
    assertFalse(load("disable=none", new Properties(), Map.of()).disabled("none"));
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void anUnknownHookIsOneLineWithTheValidNamesAndTheRestStillApplies() {
    AgentConfig config = load("disable=okhttp,ok-http,retries,audit=off", new Properties(), Map.of());
    assertEquals(List.of("option 'disable' names no hook 'ok-http', 'retries' (from agent arguments); valid names: "
        + "retry, aws-sdk-v2-credentials, aws-sdk-v1-credentials, aws-sdk-operations, jdk-httpurlconnection, "
        + "jdk-httpclient, apache-httpclient-4, apache-httpclient-5, okhttp, netty-nio-client, modular-class-loaders; "
        + "switching off okhttp only"), problems);
    assertTrue(config.disabled("okhttp"));
    assertFalse(config.disabled("ok-http"));
    assertTrue(config.backoff());

    problems.clear();
    AgentConfig nothing = load(null, properties("credscope.disable", "s3"), Map.of());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).endsWith("; nothing is switched off"), problems.get(0));
    assertTrue(nothing.backoff());
  }

  /** The names {@code disable} takes are the modules' own, and a new module cannot be left out. */
  @Test
  void theHookNamesAreRetryAndEveryModule() {
    List<String> names = new ArrayList<>(List.of("retry"));
    for (InstrumentationModule module : InstrumentationModules.all()) {
      names.add(module.name());
    }
    assertEquals(names, Option.Hooks.NAMES);
    List<String> left = new ArrayList<>();
    for (InstrumentationModule module : InstrumentationModules.enabled(load("disable=okhttp,retry", new Properties(),
        Map.of()))) {
      left.add(module.name());
    }
    names.removeAll(List.of("retry", "okhttp"));
    assertEquals(names, left);
  }
}
