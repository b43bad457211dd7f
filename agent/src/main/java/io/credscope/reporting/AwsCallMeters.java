package io.credscope.reporting;

import io.credscope.http.CallCount;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * AWS calls as Micrometer meters: {@code credscope.aws.calls}, a function counter per (service, region, source,
 * outcome) that reads the recorder's own counter. The application's threads only ever increment those; the
 * registry is made, and rows are bound, on the reporter thread.
 */
final class AwsCallMeters {

  static final String CALLS = "credscope.aws.calls";

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final Set<CallCount> bound = Collections.newSetFromMap(new IdentityHashMap<CallCount, Boolean>());

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
