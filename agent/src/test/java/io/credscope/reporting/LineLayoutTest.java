package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LineLayoutTest {

  private final LoggerContext context = new LoggerContext();
  private final LineLayout layout = new LineLayout();

  @Test
  void prefixPaddedLevelAndFormattedMessage() {
    assertEquals("[credscope] INFO  AWS SDK v2 credentials from environment" + System.lineSeparator(),
        layout.doLayout(event(Level.INFO, "AWS SDK {} credentials from {}", null, "v2", "environment")));
    assertEquals("[credscope] ERROR x" + System.lineSeparator(), layout.doLayout(event(Level.ERROR, "x", null)));
  }

  @Test
  void aThrowableIsNamedNotTraced() {
    String line = layout.doLayout(event(Level.WARN, "meter failed", new IllegalStateException("closed")));
    assertEquals("[credscope] WARN  meter failed (java.lang.IllegalStateException: closed)" + System.lineSeparator(),
        line);
  }

  private LoggingEvent event(Level level, String message, Throwable cause, Object... arguments) {
    return new LoggingEvent("test", context.getLogger("credscope"), level, message, cause, arguments);
  }
}
