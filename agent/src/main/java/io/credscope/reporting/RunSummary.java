package io.credscope.reporting;

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

  RunSummary(List<Row> rows, long droppedEvents, long unrecordedResolutions) {
    this.rows = Collections.unmodifiableList(rows);
    this.droppedEvents = droppedEvents;
    this.unrecordedResolutions = unrecordedResolutions;
  }
}
