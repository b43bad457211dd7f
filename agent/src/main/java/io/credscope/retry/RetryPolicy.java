package io.credscope.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, for calls no SDK retries: how many attempts in all, and
 * how long to wait before each retry. Immutable and shared; every call gets its own
 * {@link Backoff}, because decorrelated jitter remembers the previous delay.
 */
public final class RetryPolicy {

  /** Draws from {@link ThreadLocalRandom}, which no two threads contend for. */
  public static final Jitter.Uniform RANDOM = new Jitter.Uniform() {
    @Override
    public long below(long bound) {
      return ThreadLocalRandom.current().nextLong(bound);
    }
  };

  private final long baseMillis;
  private final long capMillis;
  private final int maxAttempts;
  private final Jitter jitter;
  private final ServerErrorRetries serverErrors;

  /** A policy that retries throttling only. */
  public RetryPolicy(long baseMillis, long capMillis, int maxAttempts, Jitter jitter) {
    this(baseMillis, capMillis, maxAttempts, jitter, ServerErrorRetries.OFF);
  }

  /**
   * @param maxAttempts attempts in all, the first included; 1 means never retry
   * @param serverErrors which requests answered by a server error are sent again
   */
  public RetryPolicy(long baseMillis, long capMillis, int maxAttempts, Jitter jitter,
      ServerErrorRetries serverErrors) {
    if (baseMillis < 1 || capMillis < baseMillis || maxAttempts < 1 || jitter == null || serverErrors == null) {
      throw new IllegalArgumentException("base " + baseMillis + " ms, cap " + capMillis + " ms, attempts "
          + maxAttempts + ", jitter " + jitter);
    }
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
    this.maxAttempts = maxAttempts;
    this.jitter = jitter;
    this.serverErrors = serverErrors;
  }

  public long baseMillis() {
    return baseMillis;
  }

  public long capMillis() {
    return capMillis;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Jitter jitter() {
    return jitter;
  }

  public ServerErrorRetries serverErrors() {
    return serverErrors;
  }

  /**
   * The exponential ceiling of the delay before retry {@code retry}, counted from 0 for the first:
   * {@code min(cap, base * 2^retry)}.
   */
  public long ceilingMillis(int retry) {
    if (retry >= 62 || baseMillis > (capMillis >> Math.min(retry, 62))) {
      return capMillis;
    }
    return Math.min(capMillis, baseMillis << retry);
  }

  public Backoff backoff(Jitter.Uniform uniform) {
    return new Backoff(this, uniform);
  }

  @Override
  public String toString() {
    return "backoff " + jitter.id() + " jitter, base " + baseMillis + " ms, cap " + capMillis + " ms, at most "
        + maxAttempts + " attempts, server errors resent: " + serverErrors.id();
  }
}
