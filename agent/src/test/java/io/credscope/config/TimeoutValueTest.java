package io.credscope.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeoutValueTest {

  @Test
  void millisecondsOrSeconds() {
    assertEquals(1000, TimeoutValue.millis("1000"));
    assertEquals(500, TimeoutValue.millis("500ms"));
    assertEquals(2000, TimeoutValue.millis("2s"));
    assertEquals(250, TimeoutValue.millis(" 250 "));
    assertEquals(60_000, TimeoutValue.millis("60s"));
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {null, "", "ms", "s", "0", "0s", "61s", "60001", "1.5s", "-5", "1m", "fast",
        "999999s"}) {
      assertEquals(-1, TimeoutValue.millis(bad), String.valueOf(bad));
    }
  }
}
