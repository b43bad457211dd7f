package io.credscope.reporting;

import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Binds the agent's relocated SLF4J to its private {@link AgentLogging} context, in place of
 * Logback's own provider, whose auto-configuration would look for the application's logback.xml.
 * The relocated libraries inside the agent that log through SLF4J end up in credscope's lines.
 */
public final class AgentSlf4jServiceProvider implements SLF4JServiceProvider {

  private final IMarkerFactory markers = new BasicMarkerFactory();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return AgentLogging.context();
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return AgentLogging.context().getMDCAdapter();
  }

  @Override
  public String getRequestedApiVersion() {
    return new LogbackServiceProvider().getRequestedApiVersion();
  }

  @Override
  public void initialize() {
    // AgentLogging builds its context on first use.
  }
}
