package io.credscope.retry;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process-wide token bucket that stops retries when throttling is sustained, as SDK v2's
 * standard retry mode does: each retry costs tokens, each success pays some back. With the bucket
 * empty, a throttled call fails fast with the server's own answer instead of adding to the storm.
 * Lock-free: the application's threads only ever compare-and-set one integer.
 */
public final class RetryBudget {

  private final int capacity;
  private final int retryCost;
  private final int successRefund;
  private final AtomicInteger tokens;
  private final AtomicBoolean exhausted = new AtomicBoolean();

  /**
   * @param retryCost tokens one retry takes
   * @param successRefund tokens a call that succeeded at its first attempt gives back; a call that
   *     succeeded after retries gives back what its last retry cost
   */
  public RetryBudget(int capacity, int retryCost, int successRefund) {
    if (capacity < 1 || retryCost < 1 || successRefund < 0) {
      throw new IllegalArgumentException("capacity " + capacity + ", retry cost " + retryCost + ", refund "
          + successRefund);
    }
    this.capacity = capacity;
    this.retryCost = retryCost;
    this.successRefund = successRefund;
    this.tokens = new AtomicInteger(capacity);
  }

  /** 500 tokens, 5 per retry, 1 back per first-attempt success: SDK v2's standard mode. */
  public static RetryBudget standard() {
    return new RetryBudget(500, 5, 1);
  }

  /** Takes the cost of one retry, or returns {@code false} when the budget cannot pay it. */
  public boolean tryAcquire() {
    while (true) {
      int current = tokens.get();
      if (current < retryCost) {
        return false;
      }
      if (tokens.compareAndSet(current, current - retryCost)) {
        exhausted.set(false);
        return true;
      }
    }
  }

  /**
   * Marks the start of an episode in which retries are refused.
   *
   * @return {@code true} only for the first refusal of an episode, so that it is reported once; the
   *     episode ends when a retry is granted again
   */
  public boolean refusalStartsEpisode() {
    return exhausted.compareAndSet(false, true);
  }

  /** A call succeeded; {@code retried} says whether it needed retries. */
  public void succeeded(boolean retried) {
    int refund = retried ? retryCost : successRefund;
    while (refund > 0) {
      int current = tokens.get();
      int next = Math.min(capacity, current + refund);
      if (next == current || tokens.compareAndSet(current, next)) {
        return;
      }
    }
  }

  public int level() {
    return tokens.get();
  }

  public int capacity() {
    return capacity;
  }
}
