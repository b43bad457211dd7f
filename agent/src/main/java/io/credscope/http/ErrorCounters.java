package io.credscope.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * AWS error responses counted per (service, operation, code), and throttling responses per (service, operation).
 * Plain counters, read by the summary and, through function counters, by Micrometer. The number of rows is
 * bounded: codes and operations come from servers, and a misbehaving one must not grow the host's heap.
 */
final class ErrorCounters {

  /** Distinct rows of each kind; later ones are counted under {@link #OTHER}. */
  static final int MAX_ROWS = 512;
  static final String OTHER = "other";

  private final ConcurrentMap<String, ErrorCount> errors = new ConcurrentHashMap<String, ErrorCount>();
  private final ConcurrentMap<String, ErrorCount> throttles = new ConcurrentHashMap<String, ErrorCount>();

  /** Counts one error response; answers whether it was the first of its row. */
  boolean count(String service, String operation, String code, boolean throttling) {
    boolean first = increment(errors, service, operation, code);
    if (throttling) {
      increment(throttles, service, operation, null);
    }
    return first;
  }

  private static boolean increment(ConcurrentMap<String, ErrorCount> rows, String service, String operation,
      String code) {
    String key = code == null ? service + '|' + operation : service + '|' + operation + '|' + code;
    ErrorCount row = rows.get(key);
    boolean first = false;
    if (row == null) {
      boolean overflow = rows.size() >= MAX_ROWS;
      if (overflow) {
        key = OTHER;
        service = OTHER;
        operation = OTHER;
        code = code == null ? null : OTHER;
      }
      ErrorCount created = new ErrorCount(service, operation, code);
      row = rows.putIfAbsent(key, created);
      if (row == null) {
        row = created;
        first = !overflow;
      }
    }
    row.increment();
    return first;
  }

  List<ErrorCount> errors() {
    return new ArrayList<ErrorCount>(errors.values());
  }

  List<ErrorCount> throttles() {
    return new ArrayList<ErrorCount>(throttles.values());
  }
}
