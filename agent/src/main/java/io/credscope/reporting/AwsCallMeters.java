package io.credscope.reporting;

import io.credscope.http.CallCount;
import io.credscope.http.ErrorCount;
import io.credscope.http.CallRetries;
import io.credscope.retry.ApiRetryCount;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingRegistryConfig;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * AWS calls as Micrometer meters: {@code credscope.aws.calls}, a function counter per (service, region, source,
 * outcome) that reads the recorder's own counter; {@code credscope.aws.errors} per (service, operation, code) and
 * {@code credscope.aws.throttles} per (service, operation), likewise. The application's threads only ever increment those; the
 * registry is made, and rows are bound, on the reporter thread.
 */
final class AwsCallMeters {

  static final String CALLS = "credscope.aws.calls";
  static final String ERRORS = "credscope.aws.errors";
  static final String THROTTLES = "credscope.aws.throttles";
  static final String ATTEMPTS = "credscope.retry.attempts";
  static final String RETRIES = "credscope.retry.retries";
  static final String GAVE_UP = "credscope.retry.gave-up";
  static final String DELAY = "credscope.retry.delay";
  static final String DELAY_HISTOGRAM = "credscope.retry.delay.histogram";
  static final String BUDGET = "credscope.retry.budget";

  private final MeterRegistry registry;
  private final Set<Object> bound = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());

  AwsCallMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Meters published to credscope's log every minute, and once more at {@link MeterRegistry#close()}; its
   * publishing thread is a daemon, so that it never keeps the application's JVM alive.
   */
  static AwsCallMeters toLog(final Consumer<String> log) {
    LoggingMeterRegistry registry = LoggingMeterRegistry.builder(LoggingRegistryConfig.DEFAULT)
        .threadFactory(new ThreadFactory() {
          @Override
          public Thread newThread(Runnable publishing) {
            Thread thread = new Thread(publishing, "credscope-metrics");
            thread.setDaemon(true);
            return thread;
          }
        })
        .loggingSink(log)
        .build();
    return new AwsCallMeters(registry);
  }

  /** Registers the rows not yet registered. */
  void bind(List<CallCount> rows) {
    for (CallCount row : rows) {
      if (bound.add(row)) {
        FunctionCounter.builder(CALLS, row, CallCount::count)
            .description("AWS calls seen on the wire by credscope's HTTP hooks")
            .tag("service", row.service()).tag("region", row.region()).tag("source", row.source())
            .tag("outcome", row.outcome().id())
            .register(registry);
      }
    }
  }

  /** Registers the error and throttle rows not yet registered. */
  void bindErrors(List<ErrorCount> errors, List<ErrorCount> throttles) {
    for (ErrorCount row : errors) {
      if (bound.add(row)) {
        FunctionCounter.builder(ERRORS, row, ErrorCount::count)
            .description("AWS error responses seen on the wire by credscope's HTTP hooks")
            .tag("service", row.service()).tag("operation", row.operation()).tag("code", row.code())
            .register(registry);
      }
    }
    for (ErrorCount row : throttles) {
      if (bound.add(row)) {
        FunctionCounter.builder(THROTTLES, row, ErrorCount::count)
            .description("AWS throttling responses (a throttling error code, or HTTP 429) seen on the wire")
            .tag("service", row.service()).tag("operation", row.operation())
            .register(registry);
      }
    }
  }

  /**
   * Registers, per API not yet registered: {@code credscope.retry.attempts}, {@code credscope.retry.retries} and
   * {@code credscope.retry.gave-up} tagged by retrier ({@code credscope} or {@code sdk}), the delay as the function
   * timer {@code credscope.retry.delay} and its distribution as {@code credscope.retry.delay.histogram} counters
   * tagged {@code le}; and, once, the budget's tokens left as the gauge {@code credscope.retry.budget}.
   */
  void bindRetries(List<ApiRetryCount> rows, final CallRetries retries) {
    if (bound.add(retries)) {
      Gauge.builder(BUDGET, retries, CallRetries::budgetLevel)
          .description("tokens left in credscope's process-wide retry budget; -1 with backoff off")
          .register(registry);
    }
    for (final ApiRetryCount row : rows) {
      if (!bound.add(row)) {
        continue;
      }
      Tags api = Tags.of("service", row.service(), "operation", row.operation());
      FunctionCounter.builder(ATTEMPTS, row, ApiRetryCount::attempts).tags(api)
          .description("attempts of AWS calls seen around the hooked clients' calls").register(registry);
      FunctionCounter.builder(RETRIES, row, ApiRetryCount::retries).tags(api).tag("retrier", "credscope")
          .description("retries of AWS calls").register(registry);
      FunctionCounter.builder(RETRIES, row, ApiRetryCount::sdkRetries).tags(api).tag("retrier", "sdk")
          .description("retries of AWS calls").register(registry);
      FunctionCounter.builder(GAVE_UP, row, ApiRetryCount::gaveUp).tags(api).tag("retrier", "credscope")
          .description("AWS calls whose retries ran out with the server still refusing").register(registry);
      FunctionCounter.builder(GAVE_UP, row, ApiRetryCount::sdkGaveUp).tags(api).tag("retrier", "sdk")
          .description("AWS calls whose retries ran out with the server still refusing").register(registry);
      FunctionTimer.builder(DELAY, row, ApiRetryCount::retries, ApiRetryCount::delayMillis, TimeUnit.MILLISECONDS)
          .tags(api).description("the waits before credscope's retries").register(registry);
      long[] bounds = ApiRetryCount.delayBucketBounds();
      for (int bucket = 0; bucket <= bounds.length; bucket++) {
        final int index = bucket;
        FunctionCounter.builder(DELAY_HISTOGRAM, row, counted -> counted.delayHistogram()[index]).tags(api)
            .tag("le", bucket < bounds.length ? Long.toString(bounds[bucket]) : "+Inf")
            .description("credscope's retry waits, in milliseconds, per bucket").register(registry);
      }
    }
  }

  MeterRegistry registry() {
    return registry;
  }
}
