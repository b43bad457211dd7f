package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerDelayTest {

  private static final long NOW = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();

  @Test
  void retryAfterInSeconds() {
    assertEquals(2000, ServerDelay.millis(null, "2", NOW));
    assertEquals(0, ServerDelay.millis(null, " 0 ", NOW));
  }

  @Test
  void retryAfterAsAnHttpDate() {
    assertEquals(5000, ServerDelay.millis(null, "Sun, 22 Nov 2026 12:00:05 GMT", NOW));
    assertEquals(0, ServerDelay.millis(null, "Sun, 22 Nov 2026 11:59:00 GMT", NOW), "a date past is no wait");
  }

  @Test
  void amzRetryAfterIsMillisecondsAndWins() {
    assertEquals(1500, ServerDelay.millis("1500", "9", NOW));
    assertEquals(9000, ServerDelay.millis("soon", "9", NOW), "an unreadable one is ignored");
  }

  @Test
  void nothingReadable() {
    assertEquals(ServerDelay.NONE, ServerDelay.millis(null, null, NOW));
    assertEquals(ServerDelay.NONE, ServerDelay.millis("", "later", NOW));
    assertEquals(ServerDelay.NONE, ServerDelay.millis(null, "-1", NOW));
  }
}
