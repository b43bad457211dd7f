package io.credscope.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link ApiRetryCount} of every API seen, at most {@link #MAX_APIS} of them, so that memory stays bounded. */
public final class RetryCounters {

  /** Distinct APIs counted apart; calls to more are counted together as service and operation {@code other}. */
  static final int MAX_APIS = 512;

  private final ConcurrentMap<String, ApiRetryCount> rows = new ConcurrentHashMap<String, ApiRetryCount>();
  private final ApiRetryCount other = new ApiRetryCount("other", "other", null);

  public ApiRetryCount row(String service, String operation, String method) {
    String key = service + '|' + operation;
    ApiRetryCount row = rows.get(key);
    if (row == null) {
      if (rows.size() >= MAX_APIS) {
        return other;
      }
      ApiRetryCount created = new ApiRetryCount(service, operation, method);
      row = rows.putIfAbsent(key, created);
      if (row == null) {
        row = created;
      }
    }
    return row;
  }

  /** The APIs that were throttled, or retried by anyone. */
  public List<ApiRetryCount> eventful() {
    List<ApiRetryCount> eventful = new ArrayList<ApiRetryCount>();
    for (ApiRetryCount row : rows.values()) {
      if (row.throttled() + row.retries() + row.sdkRetries() + row.notReplayable() > 0) {
        eventful.add(row);
      }
    }
    if (other.attempts() > 0) {
      eventful.add(other);
    }
    return eventful;
  }
}
