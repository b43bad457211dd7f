package io.credscope.reporting;

import io.credscope.http.CallCount;
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
 * outcome) that reads the recorder's own counter. The application's threads only ever increment those; the
 * registry is made, and rows are bound, on the reporter thread.
 */
final class AwsCallMeters {

  static final String CALLS = "credscope.aws.calls";

  private final MeterRegistry registry;
  private final Set<CallCount> bound = Collections.newSetFromMap(new IdentityHashMap<CallCount, Boolean>());

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

  MeterRegistry registry() {
    return registry;
  }
}
