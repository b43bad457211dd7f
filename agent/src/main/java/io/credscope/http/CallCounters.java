package io.credscope.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every AWS call counted per (service, region, source, outcome). The rows are plain counters, read by the summary
 * and, through function counters, by Micrometer: the application's threads never touch a meter registry.
 */
public final class CallCounters {

  /**
   * Rows in all, four outcomes for each (service, region, source). Keys are no part of a row, so rotation adds none;
   * rows past this, from a JVM that calls more than 500 services and regions, count under {@link #OTHER}. Rows are
   * never evicted: the summary and the meters read their counts.
   */
  static final int MAX_ROWS = 2048;
  static final String OTHER = "other";

  private final ConcurrentMap<String, CallCount> rows = new ConcurrentHashMap<String, CallCount>();

  /** The row, made on first use; called once per outcome of each new call site, never per call. */
  CallCount row(String service, String region, String source, CallOutcome outcome) {
    String key = service + '|' + region + '|' + source + '|' + outcome.id();
    CallCount row = rows.get(key);
    if (row == null && rows.size() >= MAX_ROWS) {
      service = OTHER;
      region = OTHER;
      source = OTHER;
      key = OTHER + '|' + outcome.id();
      row = rows.get(key);
    }
    if (row == null) {
      CallCount created = new CallCount(service, region, source, outcome);
      row = rows.putIfAbsent(key, created);
      if (row == null) {
        row = created;
      }
    }
    return row;
  }

  /** Every row with at least one call, in no particular order. */
  public List<CallCount> counted() {
    List<CallCount> counted = new ArrayList<CallCount>();
    for (CallCount row : rows.values()) {
      if (row.count() > 0) {
        counted.add(row);
      }
    }
    return counted;
  }
}
