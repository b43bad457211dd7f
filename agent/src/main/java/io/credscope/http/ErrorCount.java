package io.credscope.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many error responses one (service, operation, error code) had, or, for a throttle row, how many throttling
 * responses one (service, operation) had: one counter row, one meter.
 */
public final class ErrorCount {

  private final String service;
  private final String operation;
  private final String code;
  private final LongAdder count = new LongAdder();

  ErrorCount(String service, String operation, String code) {
    this.service = service;
    this.operation = operation;
    this.code = code;
  }

  void increment() {
    count.increment();
  }

  public String service() {
    return service;
  }

  /** The operation, or {@code unknown} when neither {@code X-Amz-Target} nor the query's {@code Action} named it. */
  public String operation() {
    return operation;
  }

  /** The error code, {@code unknown} when the response named none; {@code null} for a throttle row. */
  public String code() {
    return code;
  }

  public long count() {
    return count.sum();
  }

  @Override
  public String toString() {
    return service + "/" + operation + (code == null ? "" : "/" + code) + "=" + count();
  }
}
