package io.credscope.reporting;

import io.credscope.recorder.ChainFailures;
import io.credscope.recorder.Resolution;
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
    final String keyType;
    final long resolutions;

    Row(String sdk, String source, String provider, String key, String keyType, long resolutions) {
      this.sdk = sdk;
      this.source = source;
      this.provider = provider;
      this.key = key;
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

  final List<Row> rows;
  final List<FailureRow> failures;
  final long droppedEvents;
  final long unrecordedResolutions;

  /** Reads the recorder's own counters: cheap enough for a JVM that is shutting down. */
  static RunSummary of(List<Resolution> resolutions, Collection<ChainFailures> chainFailures, boolean maskKeys,
      long droppedEvents, long unrecordedResolutions) {
    List<Row> rows = new ArrayList<Row>();
    for (Resolution resolution : resolutions) {
      rows.add(new Row(resolution.sdk().id(), resolution.source().id(), resolution.provider(),
          resolution.key().display(maskKeys), resolution.key().type().id(), resolution.count()));
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
