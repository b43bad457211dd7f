package io.credscope.reporting;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * {@code [credscope] LEVEL message}, one line per event. Written by hand rather than as a
 * {@code PatternLayout} pattern: the pattern machinery loads some seventy converter classes and,
 * through Logback's class loader helper, the JDK's security policy, all before the first line, in
 * a JVM that is still starting.
 */
final class LineLayout extends LayoutBase<ILoggingEvent> {

  private static final String PREFIX = "[credscope] ";
  private static final int LEVEL_WIDTH = 5;

  @Override
  public String doLayout(ILoggingEvent event) {
    String level = event.getLevel().toString();
    String message = event.getFormattedMessage();
    StringBuilder line = new StringBuilder(PREFIX.length() + LEVEL_WIDTH + 1 + message.length() + 2);
    line.append(PREFIX).append(level);
    for (int padding = level.length(); padding < LEVEL_WIDTH; padding++) {
      line.append(' ');
    }
    line.append(' ').append(message);
    // A relocated library logging a failure: its type and message, never a stack trace on the host's stderr.
    IThrowableProxy cause = event.getThrowableProxy();
    if (cause != null) {
      line.append(" (").append(cause.getClassName()).append(": ").append(cause.getMessage()).append(')');
    }
    return line.append(CoreConstants.LINE_SEPARATOR).toString();
  }
}
