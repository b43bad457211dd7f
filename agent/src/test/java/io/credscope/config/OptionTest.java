package io.credscope.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OptionTest {

  @Test
  void probeTimeout() {
    Option timeout = Option.PROBE_TIMEOUT;
    assertEquals("probeTimeout", timeout.key());
    assertEquals("1000", timeout.defaultValue());
    assertEquals(1000, TimeoutValue.millis(timeout.defaultValue()));
    assertTrue(timeout.accepts("500ms"));
    assertTrue(timeout.accepts("1s"));
    assertFalse(timeout.accepts("0"));
    assertFalse(timeout.accepts("soon"));
    assertEquals("credscope.probeTimeout", timeout.systemProperty());
    assertEquals("CREDSCOPE_PROBE_TIMEOUT", timeout.environmentVariable());
  }

  @Test
  void environmentVariableNamesOfOneWordKeysAreUnchanged() {
    assertEquals("CREDSCOPE_LOG", Option.LOG.environmentVariable());
    assertEquals("CREDSCOPE_ENABLED", Option.ENABLED.environmentVariable());
  }

  @Test
  void keysAndTheirEnvironmentSpellingNameTheOption() {
    assertEquals(Option.PROBE_TIMEOUT, Option.forKey("probeTimeout"));
    assertEquals(Option.PROBE_TIMEOUT, Option.forKey("probe_timeout"));
    assertEquals(Option.LOG, Option.forKey("log"));
    assertEquals(null, Option.forKey("probetimeout"));
  }

  @Test
  void everyPlaceSetsIt() {
    List<String> problems = new ArrayList<>();
    assertEquals("500ms", AgentConfig.load(null, new Properties(), Map.of("CREDSCOPE_PROBE_TIMEOUT", "500ms"),
        problems::add).get(Option.PROBE_TIMEOUT));
    Properties properties = new Properties();
    properties.setProperty("credscope.probeTimeout", "2s");
    assertEquals("2s", AgentConfig.load(null, properties, Map.of(), problems::add).get(Option.PROBE_TIMEOUT));
    assertEquals("750", AgentConfig.load("probeTimeout=750", new Properties(), Map.of(), problems::add)
        .get(Option.PROBE_TIMEOUT));
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void aBadValueFallsBackToTheDefault() {
    List<String> problems = new ArrayList<>();
    AgentConfig config = AgentConfig.load("probeTimeout=forever", new Properties(), Map.of(), problems::add);
    assertEquals("1000", config.get(Option.PROBE_TIMEOUT));
    assertEquals(List.of("option 'probeTimeout' has invalid value 'forever' (from agent arguments); valid values: "
        + "milliseconds from 1 to 60000, as 1000, 500ms or 1s; using the default '1000'"), problems);
  }

  /** The CLI's help lists each option with this line: one added without it fails here. */
  @Test
  void everyOptionSaysWhatItDoes() {
    for (Option option : Option.values()) {
      assertFalse(option.description().isEmpty(), option.key());
    }
  }
}
