package io.credscope.reporting;

import io.credscope.recorder.Resolution;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * credscope's Micrometer registry, private to the agent. Resolution counts live in the recorder's
 * own counters (so the application's threads never touch Micrometer); the registry reads them
 * through function counters, bound on the reporter thread when a resolution is first reported.
 */
final class Meters {

  static final String RESOLUTIONS = "credscope.credentials.resolutions";

  private final Supplier<List<Resolution>> resolutions;
  private final boolean maskKeys;
  private final Map<Resolution, FunctionCounter> bound = new IdentityHashMap<Resolution, FunctionCounter>();
  private MeterRegistry registry;

  Meters(Supplier<List<Resolution>> resolutions, boolean maskKeys) {
    this.resolutions = resolutions;
    this.maskKeys = maskKeys;
  }

  /** Binds a counter to every resolution reported so far; idempotent. */
  void bindNewResolutions() {
    for (Resolution resolution : resolutions.get()) {
      if (!bound.containsKey(resolution)) {
        bound.put(resolution, FunctionCounter.builder(RESOLUTIONS, resolution, Resolution::count)
            .description("Credential resolutions per SDK, source, provider and access key id")
            .tag("sdk", resolution.sdk().id())
            .tag("source", resolution.source().id())
            .tag("provider", resolution.provider())
            .tag("key", resolution.key().display(maskKeys))
            .tag("keyType", resolution.key().type().id())
            .register(registry()));
      }
    }
  }

  List<RunSummary.Row> resolutionRows() {
    bindNewResolutions();
    List<RunSummary.Row> rows = new ArrayList<RunSummary.Row>();
    for (FunctionCounter counter : registry().find(RESOLUTIONS).functionCounters()) {
      rows.add(new RunSummary.Row(counter.getId().getTag("sdk"), counter.getId().getTag("source"),
          counter.getId().getTag("provider"), counter.getId().getTag("key"), counter.getId().getTag("keyType"),
          (long) counter.count()));
    }
    Collections.sort(rows, (a, b) -> Long.compare(b.resolutions, a.resolutions));
    return rows;
  }

  private MeterRegistry registry() {
    if (registry == null) {
      registry = new SimpleMeterRegistry();
    }
    return registry;
  }
}
