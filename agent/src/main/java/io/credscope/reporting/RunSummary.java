package io.credscope.reporting;

import io.credscope.recorder.Resolution;
import java.util.ArrayList;
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

  final List<Row> rows;
  final long droppedEvents;
  final long unrecordedResolutions;

  /** Reads the recorder's own counters: cheap enough for a JVM that is shutting down. */
  static RunSummary of(List<Resolution> resolutions, boolean maskKeys, long droppedEvents,
      long unrecordedResolutions) {
    List<Row> rows = new ArrayList<Row>();
    for (Resolution resolution : resolutions) {
      rows.add(new Row(resolution.sdk().id(), resolution.source().id(), resolution.provider(),
          resolution.key().display(maskKeys), resolution.key().type().id(), resolution.count()));
    }
    Collections.sort(rows, (a, b) -> Long.compare(b.resolutions, a.resolutions));
    return new RunSummary(rows, droppedEvents, unrecordedResolutions);
  }

  RunSummary(List<Row> rows, long droppedEvents, long unrecordedResolutions) {
    this.rows = Collections.unmodifiableList(rows);
    this.droppedEvents = droppedEvents;
    this.unrecordedResolutions = unrecordedResolutions;
  }
}
