package io.credscope.retry;

/** The delays of one call's retries. Not thread-safe: a call retries one attempt at a time. */
public final class Backoff {

  private final RetryPolicy policy;
  private final Jitter.Uniform uniform;
  private long previousMillis;

  Backoff(RetryPolicy policy, Jitter.Uniform uniform) {
    this.policy = policy;
    this.uniform = uniform;
  }

  /**
   * How long to wait before retry {@code retry} (0 for the first). A delay the server asked for,
   * through {@code Retry-After} or {@code x-amz-retry-after}, replaces the drawn one, but never
   * beyond the cap.
   *
   * @param serverDelayMillis the server's delay, or a negative number when it gave none
   */
  public long delayMillis(int retry, long serverDelayMillis) {
    long delay = serverDelayMillis >= 0
        ? Math.min(serverDelayMillis, policy.capMillis())
        : policy.jitter().delay(policy.ceilingMillis(retry), policy.baseMillis(), policy.capMillis(), previousMillis,
            uniform);
    previousMillis = delay;
    return delay;
  }
}
