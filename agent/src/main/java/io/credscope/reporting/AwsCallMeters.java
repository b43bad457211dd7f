package io.credscope.reporting;

import io.credscope.http.CallCount;
import io.credscope.http.ErrorCount;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingRegistryConfig;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
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

  MeterRegistry registry() {
    return registry;
  }
}
