package io.credscope.events;

import java.time.Instant;

/**
 * A retry of an AWS call, or the end of one's retries: {@code retry} when credscope is about to send a throttled
 * call again, {@code retry.gave-up} when a call's retries, credscope's or an SDK's, ran out with the server still
 * refusing, {@code retry.skipped} the first time a call that deserved a retry could not get one.
 */
public final class RetryRecord implements Event {

  public static final String RETRY = "retry";
  public static final String GAVE_UP = "retry.gave-up";
  public static final String SKIPPED = "retry.skipped";
  /** The retrier of the calls credscope retries itself; an SDK's is {@code sdk-v2} or {@code sdk-v1}. */
  public static final String CREDSCOPE = "credscope";

  private final String type;
  private final Instant time;
  private final String retrier;
  private final CallIdentity identity;
  private final String operation;
  private final String code;
  private final int status;
  private final int attempts;
  private final int maxAttempts;
  private final long delayMillis;
  private final long ceilingMillis;
  private final long totalDelayMillis;
  private final String reason;
  private final String library;

  /**
   * @param attempts for {@code retry}, the attempt that just failed; otherwise the attempts made in all
   * @param maxAttempts the most the retrier allows, or -1 when it did not say
   * @param delayMillis and {@code ceilingMillis}: for {@code retry}, the wait before the next attempt and the
   *     jitter window's upper bound it was drawn below; -1 otherwise, and a ceiling of -1 also when the server set
   *     the wait
   * @param reason for {@code retry.skipped}, why; otherwise {@code null}
   */
  public RetryRecord(String type, Instant time, String retrier, CallIdentity identity, String operation,
      String code, int status, int attempts, int maxAttempts, long delayMillis, long ceilingMillis,
      long totalDelayMillis, String reason, String library) {
    this.type = type;
    this.time = time;
    this.retrier = retrier;
    this.identity = identity;
    this.operation = operation;
    this.code = code;
    this.status = status;
    this.attempts = attempts;
    this.maxAttempts = maxAttempts;
    this.delayMillis = delayMillis;
    this.ceilingMillis = ceilingMillis;
    this.totalDelayMillis = totalDelayMillis;
    this.reason = reason;
    this.library = library;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Instant time() {
    return time;
  }

  public String retrier() {
    return retrier;
  }

  public CallIdentity identity() {
    return identity;
  }

  /** The operation, or {@code unknown}. */
  public String operation() {
    return operation;
  }

  /** The last answer's error code, or {@code null} when it named none. */
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public long delayMillis() {
    return delayMillis;
  }

  public long ceilingMillis() {
    return ceilingMillis;
  }

  public long totalDelayMillis() {
    return totalDelayMillis;
  }

  public String reason() {
    return reason;
  }

  public String library() {
    return library;
  }
}
