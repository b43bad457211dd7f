package io.credscope.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentStateTest {

  @Test
  void readsWhatItWrites() {
    AgentState active = AgentState.parse(AgentState.of(AgentState.ACTIVE, "1.2.3", AgentState.VIA_ATTACH).value());
    assertTrue(active.active());
    assertEquals("1.2.3", active.version());
    assertEquals("attach", active.via());
    AgentState detached = AgentState.parse("state=detached version=1.2.3");
    assertFalse(detached.active());
    assertNull(detached.via());
  }

  @Test
  void noPropertyIsNoCredscope() {
    assertNull(AgentState.parse(null));
    assertNull(AgentState.parse(" "));
  }

  @Test
  void theCommandsValues() {
    assertEquals(60000, AttachCommand.millis("attach;version=1.2.3;for=60000", "for"));
    assertEquals(0, AttachCommand.millis("attach;version=1.2.3", "for"));
    assertEquals("1.2.3", AttachCommand.value("attach;version=1.2.3;for=0", "version"));
  }
}
