package io.credscope.reporting;

import io.credscope.http.CallCount;
import io.credscope.http.ErrorCount;
import io.credscope.http.ImdsCounts;
import io.credscope.recorder.ChainFailures;
import io.credscope.recorder.Resolution;
import io.credscope.retry.ApiRateLimits;
import io.credscope.retry.ApiRetryCount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** What this JVM did with AWS credentials over its whole run, as the end-of-run summary tells it. */
final class RunSummary {

  /** One (sdk, source, provider, key) and how often it was resolved. Keys are as displayed. */
  static final class Row {
    final String sdk;
    final String source;
    final String provider;
    final String key;
    /** {@link KeyHash} of the whole key, or {@code null} for anonymous credentials. */
    final String keyHash;
    final String keyType;
    final long resolutions;

    Row(String sdk, String source, String provider, String key, String keyHash, String keyType, long resolutions) {
      this.sdk = sdk;
      this.source = source;
      this.provider = provider;
      this.key = key;
      this.keyHash = keyHash;
      this.keyType = keyType;
      this.resolutions = resolutions;
    }
  }

  /** One kind of chain failure and how often it happened. */
  static final class FailureRow {
    final String sdk;
    final String chain;
    final long count;

    FailureRow(String sdk, String chain, long count) {
      this.sdk = sdk;
      this.chain = chain;
      this.count = count;
    }
  }

  /** AWS calls on the wire of one (service, region, source, outcome). */
  static final class CallRow {
    final String service;
    final String region;
    final String source;
    final String outcome;
    final long count;

    CallRow(String service, String region, String source, String outcome, long count) {
      this.service = service;
      this.region = region;
      this.source = source;
      this.outcome = outcome;
      this.count = count;
    }
  }

  /** Error responses of one (service, operation, code), or throttling responses of one (service, operation). */
  static final class ErrorRow {
    final String service;
    final String operation;
    /** {@code null} in a throttle row. */
    final String code;
    final long count;

    ErrorRow(String service, String operation, String code, long count) {
      this.service = service;
      this.operation = operation;
      this.code = code;
      this.count = count;
    }
  }

  /** How one API fared under throttling: its rate against its known limit, and the retries made. */
  static final class RetryRow {
    final String service;
    final String operation;
    final long attempts;
    final long throttled;
    final long peakAttemptsPerSecond;
    final long peakThrottledPerSecond;
    final long throttledForMillis;
    /** {@link ApiRateLimits#UNKNOWN} when AWS documents none. */
    final int limitPerSecond;
    final String limitScope;
    final long retries;
    final long recovered;
    final long gaveUp;
    final long budgetRefused;
    final long notReplayable;
    final long delayMillis;
    final long sdkRetries;
    final long sdkDelayMillis;
    final long sdkGaveUp;
    final boolean sustained;

    RetryRow(ApiRetryCount count) {
      service = count.service();
      operation = count.operation();
      attempts = count.attempts();
      throttled = count.throttled();
      peakAttemptsPerSecond = count.peakAttemptsPerSecond();
      peakThrottledPerSecond = count.peakThrottlesPerSecond();
      throttledForMillis = count.throttledForMillis();
      limitPerSecond = ApiRateLimits.perSecond(service, operation, count.method());
      limitScope = ApiRateLimits.scope(service);
      retries = count.retries();
      recovered = count.recovered();
      gaveUp = count.gaveUp();
      budgetRefused = count.budgetRefused();
      notReplayable = count.notReplayable();
      delayMillis = count.delayMillis();
      sdkRetries = count.sdkRetries();
      sdkDelayMillis = count.sdkDelayMillis();
      sdkGaveUp = count.sdkGaveUp();
      sustained = count.sustained();
    }
  }

  final List<Row> rows;
  final List<FailureRow> failures;
  final long droppedEvents;
  final long unrecordedResolutions;
  /** Empty when no HTTP hook saw an AWS call. */
  List<CallRow> calls = Collections.emptyList();
  /** Empty when no AWS call had an error response. */
  List<ErrorRow> errors = Collections.emptyList();
  /** Empty when no AWS call was throttled. */
  List<ErrorRow> throttles = Collections.emptyList();
  /** Empty when no API was throttled or retried. */
  List<RetryRow> retries = Collections.emptyList();
  /** The retry budget's tokens left, or -1 with backoff off. */
  int budgetLevel = -1;
  /** {@code null} when no HTTP hook saw IMDS traffic. */
  ImdsCounts imds;

  /** Adds what the HTTP hooks counted. */
  RunSummary withCalls(List<CallCount> counted, ImdsCounts imdsCounts) {
    List<CallRow> rows = new ArrayList<CallRow>();
    for (CallCount row : counted) {
      rows.add(new CallRow(row.service(), row.region(), row.source(), row.outcome().id(), row.count()));
    }
    Collections.sort(rows, (a, b) -> (a.service + a.region + a.source + a.outcome)
        .compareTo(b.service + b.region + b.source + b.outcome));
    this.calls = Collections.unmodifiableList(rows);
    this.imds = imdsCounts != null && imdsCounts.any() ? imdsCounts : null;
    return this;
  }

  /** Adds the error responses and throttles the HTTP hooks counted. */
  RunSummary withErrors(List<ErrorCount> errorCounts, List<ErrorCount> throttleCounts) {
    this.errors = errorRows(errorCounts);
    this.throttles = errorRows(throttleCounts);
    return this;
  }

  /** Adds the throttled and retried APIs. */
  RunSummary withRetries(List<ApiRetryCount> counted, int retryBudgetLevel) {
    List<RetryRow> rows = new ArrayList<RetryRow>();
    for (ApiRetryCount count : counted) {
      rows.add(new RetryRow(count));
    }
    Collections.sort(rows, (a, b) -> (a.service + '|' + a.operation).compareTo(b.service + '|' + b.operation));
    this.retries = Collections.unmodifiableList(rows);
    this.budgetLevel = rows.isEmpty() ? -1 : retryBudgetLevel;
    return this;
  }

  private static List<ErrorRow> errorRows(List<ErrorCount> counted) {
    List<ErrorRow> rows = new ArrayList<ErrorRow>();
    for (ErrorCount row : counted) {
      if (row.count() > 0) {
        rows.add(new ErrorRow(row.service(), row.operation(), row.code(), row.count()));
      }
    }
    Collections.sort(rows, (a, b) -> (a.service + '|' + a.operation + '|' + a.code)
        .compareTo(b.service + '|' + b.operation + '|' + b.code));
    return Collections.unmodifiableList(rows);
  }

  /** Reads the recorder's own counters: cheap enough for a JVM that is shutting down. */
  static RunSummary of(List<Resolution> resolutions, Collection<ChainFailures> chainFailures, boolean maskKeys,
      long droppedEvents, long unrecordedResolutions) {
    List<Row> rows = new ArrayList<Row>();
    for (Resolution resolution : resolutions) {
      rows.add(new Row(resolution.sdk().id(), resolution.source().id(), resolution.provider(),
          resolution.key().display(maskKeys), KeyHash.of(resolution.key()), resolution.key().type().id(),
          resolution.count()));
    }
    Collections.sort(rows, (a, b) -> Long.compare(b.resolutions, a.resolutions));
    List<FailureRow> failures = new ArrayList<FailureRow>();
    for (ChainFailures failure : chainFailures) {
      failures.add(new FailureRow(failure.sdk().id(), failure.chain(), failure.count()));
    }
    return new RunSummary(rows, failures, droppedEvents, unrecordedResolutions);
  }

  RunSummary(List<Row> rows, List<FailureRow> failures, long droppedEvents, long unrecordedResolutions) {
    this.rows = Collections.unmodifiableList(rows);
    this.failures = Collections.unmodifiableList(failures);
    this.droppedEvents = droppedEvents;
    this.unrecordedResolutions = unrecordedResolutions;
  }
}
