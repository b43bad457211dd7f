package io.credscope.reporting;

import io.credscope.credentials.KeyType;
import io.credscope.events.AwsCall;
import io.credscope.events.AwsError;
import io.credscope.events.CallIdentity;
import io.credscope.events.RetryRecord;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.ProviderFailure;
import java.util.ArrayList;
import java.util.List;
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
      CredentialsResolved resolved = (CredentialsResolved) event;
      log().info(describe(resolved));
      if (resolved.sdkSource() != null && resolved.sdkSource() != resolved.source() && LogLevel.WARN.enabled()) {
        log().warn("the SDK's own provider name '{}' says {}, not {}: please report this to credscope",
            resolved.sdkProviderName(), resolved.sdkSource().id(), resolved.source().id());
      }
      if (!resolved.skipped().isEmpty() && LogLevel.DEBUG.enabled()) {
        for (String line : describeSkipped(resolved)) {
          log().debug(line);
        }
      }
    } else if (event instanceof AwsCall && LogLevel.INFO.enabled()) {
      log().info(describe((AwsCall) event));
    } else if (event instanceof AwsError) {
      AwsError error = (AwsError) event;
      if (error.throttling() && LogLevel.WARN.enabled()) {
        log().warn(describe(error));
      } else if (!error.throttling() && LogLevel.INFO.enabled()) {
        log().info(describe(error));
      }
    } else if (event instanceof Finding && LogLevel.WARN.enabled()) {
      Finding finding = (Finding) event;
      log().warn("{} ({}): {}; fix: {}", finding.id(), finding.severity().id(), finding.summary(), finding.remedy());
    } else if (event instanceof RetryRecord) {
      RetryRecord retry = (RetryRecord) event;
      if (retry.type().equals(RetryRecord.RETRY)) {
        if (LogLevel.INFO.enabled()) {
          log().info(describe(retry));
        }
      } else if (LogLevel.WARN.enabled()) {
        log().warn(describe(retry));
      }
    } else if (event instanceof CredentialsChainFailed && LogLevel.ERROR.enabled()) {
      for (String line : describe((CredentialsChainFailed) event)) {
        log().error(line);
      }
    }
  }

  /** One block: what failed, then every provider in the order the chain tried it, and why. */
  List<String> describe(CredentialsChainFailed failed) {
    List<String> lines = new ArrayList<String>();
    lines.add("AWS SDK " + failed.sdk().id() + " found no credentials: " + failed.chain() + " tried "
        + failed.providers().size() + " providers" + (failed.caller() == null ? "" : ", for " + failed.caller()));
    int number = 1;
    for (ProviderFailure provider : failed.providers()) {
      lines.add("  " + number++ + ". " + provider.source().id() + " (" + provider.provider() + "): "
          + provider.reason());
    }
    return lines;
  }

  List<String> describeSkipped(CredentialsResolved resolved) {
    List<String> lines = new ArrayList<String>();
    lines.add("  before " + resolved.source().id() + " won, " + resolved.chain() + " tried:");
    for (ProviderFailure provider : resolved.skipped()) {
      lines.add("    " + provider.source().id() + " (" + provider.provider() + "): " + provider.reason());
    }
    return lines;
  }

  String describe(CredentialsResolved resolved) {
    StringBuilder line = new StringBuilder(160)
        .append("AWS SDK ").append(resolved.sdk().id())
        .append(" credentials from ").append(resolved.profile() != null
            ? resolved.profile().describe() : resolved.source().id())
        .append(": ").append(resolved.provider());
    if (resolved.key().type() == KeyType.NONE) {
      line.append(" supplied no key: requests go unsigned");
    } else {
      line.append(" supplied ").append(resolved.key().type().id())
          .append(" key ").append(resolved.key().display(maskKeys));
    }
    if (resolved.chain() != null) {
      line.append(" via ").append(resolved.chain());
    }
    if (resolved.buildSite() != null) {
      line.append(", built at ").append(resolved.buildSite().location());
    }
    if (resolved.caller() != null) {
      line.append(", first used at ").append(resolved.caller());
    }
    return line.toString();
  }

  /** One line per distinct (key, service, region, source): which key really signed, through which client. */
  String describe(AwsCall call) {
    CallIdentity identity = call.identity();
    StringBuilder line = new StringBuilder(160).append("AWS call to ").append(identity.service());
    if (identity.region() != null) {
      line.append(" in ").append(identity.region());
    }
    line.append(call.presigned() ? " by presigned URL" : "").append(" signed with ")
        .append(identity.key().type().id()).append(" key ").append(identity.key().display(maskKeys)).append(" from ");
    if (identity.source() == null) {
      line.append("a source credscope did not see (signed by hand, or by another SDK)");
    } else {
      line.append(identity.source().id()).append(" (").append(identity.provider()).append(')');
    }
    line.append(", via ").append(call.library()).append(": ").append(call.method()).append(' ').append(call.host());
    if (call.caller() != null) {
      line.append(", first at ").append(call.caller());
    }
    return line.toString();
  }

  /** One line per distinct (service, operation, code): the first error response of its kind. */
  String describe(AwsError error) {
    StringBuilder line = new StringBuilder(160).append(error.throttling() ? "AWS throttled " : "AWS error from ")
        .append(error.identity().service());
    if (!error.operation().equals("unknown")) {
      line.append(' ').append(error.operation());
    }
    line.append(": ").append(error.code() == null ? "no error code" : error.code()).append(" (HTTP ")
        .append(error.status()).append(')');
    CallIdentity identity = error.identity();
    if (identity.key() != null) {
      line.append(", key ").append(identity.key().display(maskKeys)).append(" from ").append(identity.sourceId());
    }
    line.append(", via ").append(error.library());
    if (error.caller() != null) {
      line.append(", first at ").append(error.caller());
    }
    return line.append("; later ones are counted").toString();
  }

  /** One line per retry, per give-up, and for the first call of an API that could not be retried. */
  String describe(RetryRecord retry) {
    String api = retry.identity().service() + (retry.operation().equals("unknown") ? "" : " " + retry.operation());
    String answer = (retry.code() == null ? "no error code" : retry.code()) + " (HTTP " + retry.status() + ")";
    String by = retry.retrier().equals(RetryRecord.CREDSCOPE) ? "credscope" : "AWS SDK "
        + retry.retrier().replace("sdk-", "").replace("sdk", "(version unknown)");
    if (retry.type().equals(RetryRecord.RETRY)) {
      return "credscope retries " + api + " after " + answer + ", attempt " + retry.attempts() + " of "
          + retry.maxAttempts() + ": waiting " + retry.delayMillis() + " ms"
          + (retry.ceilingMillis() >= 0 ? " (jitter below " + retry.ceilingMillis() + " ms)" : " (as the server asked)")
          + ", via " + retry.library();
    }
    if (retry.type().equals(RetryRecord.GAVE_UP)) {
      return by + " gave up on " + api + " after " + retry.attempts() + " attempts and " + retry.totalDelayMillis()
          + " ms of backoff: " + answer + ", via " + retry.library()
          + (retry.reason() == null ? "" : ", because " + retry.reason()) + "; the application got the server's answer";
    }
    return "credscope did not retry " + api + " after " + answer + ": " + retry.reason();
  }

  @Override
  public void finish(RunSummary summary) {
    if (summary.rows.isEmpty() && summary.failures.isEmpty() && summary.calls.isEmpty() && summary.imds == null
        && summary.errors.isEmpty() && summary.retries.isEmpty()) {
      if (LogLevel.DEBUG.enabled()) {
        log().debug("summary: no AWS credentials were resolved in this JVM");
      }
      return;
    }
    if (!LogLevel.INFO.enabled()) {
      return;
    }
    Logger log = log();
    if (summary.rows.isEmpty()) {
      log.info("summary: this JVM resolved no AWS credentials");
    } else {
      log.info("summary: AWS credentials used by this JVM ({} distinct)", summary.rows.size());
    }
    for (RunSummary.Row row : summary.rows) {
      log.info("  SDK {} {} {} {} ({}): {} resolutions", row.sdk, row.source, row.provider, row.key, row.keyType,
          row.resolutions);
    }
    for (RunSummary.CallRow row : summary.calls) {
      log.info("  AWS calls to {} in {} with {} keys: {} {}", row.service, row.region, row.source, row.count,
          row.outcome);
    }
    for (RunSummary.ErrorRow row : summary.errors) {
      log.info("  AWS errors from {} {}: {} {}", row.service, row.operation, row.code, row.count);
    }
    for (RunSummary.ErrorRow row : summary.throttles) {
      log.info("  AWS throttling of {} {}: {}", row.service, row.operation, row.count);
    }
    for (RunSummary.RetryRow row : summary.retries) {
      log.info(describe(row));
    }
    if (summary.imds != null) {
      log.info("  instance metadata: {} token requests ({} failed), {} IMDSv2 reads, {} IMDSv1 reads",
          summary.imds.tokenRequests(), summary.imds.failedTokenRequests(), summary.imds.v2Reads(),
          summary.imds.v1Reads());
    }
    if (summary.droppedEvents > 0) {
      log.warn("  {} events were dropped because the reporter could not keep up", summary.droppedEvents);
    }
    for (RunSummary.FailureRow row : summary.failures) {
      log.info("  SDK {} {} found no credentials {}", row.sdk, row.chain, row.count == 1 ? "once" : row.count + " times");
    }
    if (summary.unrecordedResolutions > 0) {
      // Rotation makes this the normal case of a long run, not a problem: information, not a warning.
      log.info("  {} more resolutions, of keys forgotten since they were last used, are counted but not listed",
          summary.unrecordedResolutions);
    }
  }

  /** Tells intermittent throttling, which backoff absorbs, from sustained throttling, which it cannot. */
  static String describe(RunSummary.RetryRow row) {
    StringBuilder line = new StringBuilder(240).append("  throttling of ").append(row.service);
    if (!row.operation.equals("unknown")) {
      line.append(' ').append(row.operation);
    }
    line.append(": ").append(row.sustained ? "sustained" : "intermittent").append(", ").append(row.throttled)
        .append(" of ").append(row.attempts).append(" attempts throttled, at most ").append(row.peakThrottledPerSecond)
        .append("/s over ").append(row.throttledForMillis).append(" ms; peak ").append(row.peakAttemptsPerSecond)
        .append(" calls/s");
    if (row.limitPerSecond > 0) {
      line.append(" against the documented ").append(row.limitPerSecond).append(" calls/s ").append(row.limitScope);
    }
    if (row.retries + row.gaveUp + row.budgetRefused + row.notReplayable > 0) {
      line.append("; credscope retried ").append(row.retries).append(" times (").append(row.recovered)
          .append(" calls recovered, ").append(row.gaveUp).append(" gave up, ").append(row.budgetRefused)
          .append(" refused by the budget, ").append(row.notReplayable).append(" not replayable)");
    }
    if (row.sdkRetries + row.sdkGaveUp > 0) {
      line.append("; the SDKs retried ").append(row.sdkRetries).append(" times, waiting ").append(row.sdkDelayMillis)
          .append(" ms in all, and gave up on ").append(row.sdkGaveUp).append(" calls");
    }
    return line.append(row.sustained ? ": lower the call rate, or ask AWS for a higher quota"
        : ": backoff absorbs it").toString();
  }

  private static Logger log() {
    return AgentLogging.logger();
  }
}
