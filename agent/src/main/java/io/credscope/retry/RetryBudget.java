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

  /** Tokens one retry takes, and one first-attempt success gives back: as SDK v2's standard mode. */
  public static final int RETRY_COST = 5;
  public static final int SUCCESS_REFUND = 1;

  /** A budget of {@code capacity} tokens, priced as SDK v2's standard mode, whose default capacity is 500. */
  public static RetryBudget ofTokens(int capacity) {
    return new RetryBudget(capacity, RETRY_COST, SUCCESS_REFUND);
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
