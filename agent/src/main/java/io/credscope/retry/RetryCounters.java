package io.credscope.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link ApiRetryCount} of every API seen, at most {@link #MAX_APIS} of them, so that memory stays bounded. */
public final class RetryCounters {

  /** Distinct APIs counted apart; calls to more are counted together as service and operation {@code other}. */
  static final int MAX_APIS = 512;

  /** By service, then operation: a repeated call finds its row without building a key. */
  private final ConcurrentMap<String, ConcurrentMap<String, ApiRetryCount>> rows =
      new ConcurrentHashMap<String, ConcurrentMap<String, ApiRetryCount>>();
  private final AtomicInteger size = new AtomicInteger();
  private final ApiRetryCount other = new ApiRetryCount("other", "other", null);

  public ApiRetryCount row(String service, String operation, String method) {
    ConcurrentMap<String, ApiRetryCount> operations = rows.get(service);
    ApiRetryCount row = operations == null ? null : operations.get(operation);
    if (row != null) {
      return row;
    }
    if (size.get() >= MAX_APIS) {
      return other;
    }
    if (operations == null) {
      ConcurrentMap<String, ApiRetryCount> created = new ConcurrentHashMap<String, ApiRetryCount>();
      operations = rows.putIfAbsent(service, created);
      if (operations == null) {
        operations = created;
      }
    }
    ApiRetryCount created = new ApiRetryCount(service, operation, method);
    row = operations.putIfAbsent(operation, created);
    if (row == null) {
      size.incrementAndGet();
      row = created;
    }
    return row;
  }

  /** The APIs that were throttled, or retried by anyone. */
  public List<ApiRetryCount> eventful() {
    List<ApiRetryCount> eventful = new ArrayList<ApiRetryCount>();
    for (ConcurrentMap<String, ApiRetryCount> operations : rows.values()) {
      for (ApiRetryCount row : operations.values()) {
        if (row.throttled() + row.retries() + row.sdkRetries() + row.notReplayable() > 0) {
          eventful.add(row);
        }
      }
    }
    if (other.attempts() > 0) {
      eventful.add(other);
    }
    return eventful;
  }
}
