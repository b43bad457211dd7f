package io.credscope.reporting;

import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import org.slf4j.Logger;

/** Lines for people, on stderr through credscope's private Logback: one line says what won and why. */
final class HumanLog implements EventSink {

  private final boolean maskKeys;

  HumanLog(boolean maskKeys) {
    this.maskKeys = maskKeys;
  }

  @Override
  public void accept(Event event) {
    if (event instanceof CredentialsResolved && LogLevel.INFO.enabled()) {
      log().info(describe((CredentialsResolved) event));
    }
  }

  String describe(CredentialsResolved resolved) {
    StringBuilder line = new StringBuilder(160)
        .append("AWS SDK ").append(resolved.sdk().id())
        .append(" credentials from ").append(resolved.source().id())
        .append(": ").append(resolved.provider())
        .append(" supplied ").append(resolved.key().type().id())
        .append(" key ").append(resolved.key().display(maskKeys));
    if (resolved.chain() != null) {
      line.append(" via ").append(resolved.chain());
    }
    if (resolved.caller() != null) {
      line.append(", first used at ").append(resolved.caller());
    }
    return line.toString();
  }

  @Override
  public void finish(RunSummary summary) {
    if (summary.rows.isEmpty()) {
      if (LogLevel.DEBUG.enabled()) {
        log().debug("summary: no AWS credentials were resolved in this JVM");
      }
      return;
    }
    if (!LogLevel.INFO.enabled()) {
      return;
    }
    Logger log = log();
    log.info("summary: AWS credentials used by this JVM ({} distinct)", summary.rows.size());
    for (RunSummary.Row row : summary.rows) {
      log.info("  SDK {} {} {} {} ({}): {} resolutions", row.sdk, row.source, row.provider, row.key, row.keyType,
          row.resolutions);
    }
    if (summary.droppedEvents > 0) {
      log.warn("  {} events were dropped because the reporter could not keep up", summary.droppedEvents);
    }
    if (summary.unrecordedResolutions > 0) {
      log.warn("  {} resolutions of keys beyond the per-provider limit were not told apart",
          summary.unrecordedResolutions);
    }
  }

  private static Logger log() {
    return AgentLogging.logger();
  }
}
