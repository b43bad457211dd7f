package io.credscope.reporting;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * credscope's private Logback, configured in code. It never runs Logback's auto-configuration, so
 * it reads neither the application's logback.xml nor {@code -Dlogback.configurationFile}, and the
 * application's logging is left exactly as it was. Built on the first line that will be printed,
 * on the reporter thread; callers check {@link LogLevel#enabled()} first, so a quiet agent never
 * starts Logback at all.
 */
public final class AgentLogging {

  public static final String LOGGER_NAME = "credscope";

  private static volatile LoggerContext context;

  private AgentLogging() {
  }

  public static Logger logger() {
    return context().getLogger(LOGGER_NAME);
  }

  static LoggerContext context() {
    LoggerContext current = context;
    if (current == null) {
      synchronized (AgentLogging.class) {
        current = context;
        if (current == null) {
          current = createContext();
          context = current;
        }
      }
    }
    return current;
  }

  private static LoggerContext createContext() {
    LoggerContext created = new LoggerContext();
    created.setName(LOGGER_NAME);
    created.setMDCAdapter(new LogbackMDCAdapter());
    LineLayout layout = new LineLayout();
    layout.setContext(created);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<ILoggingEvent>();
    encoder.setContext(created);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<ILoggingEvent>();
    stderr.setContext(created);
    stderr.setName("stderr");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = created.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(stderr);
    root.setLevel(Level.toLevel(LogLevel.configured().name(), Level.INFO));
    created.start();
    return created;
  }
}
