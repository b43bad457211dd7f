package io.credscope.retry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one API, a (service, operation), went through on the wire: attempts, throttles and their peak rate, the
 * retries credscope made and how they ended, and the retries the SDKs made. Lock-free, and only touched by AWS
 * calls.
 */
public final class ApiRetryCount {

  /** Upper bounds, in milliseconds, of the delay histogram's buckets; the last bucket has none. */
  static final long[] DELAY_BUCKETS = {100, 250, 500, 1000, 2500, 5000, 10_000, 20_000};

  private final String service;
  private final String operation;
  private final String method;
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong recovered = new AtomicLong();
  private final AtomicLong gaveUp = new AtomicLong();
  private final AtomicLong notReplayable = new AtomicLong();
  private final AtomicLong budgetRefused = new AtomicLong();
  private final AtomicLong delayMillis = new AtomicLong();
  private final AtomicLongArray delays = new AtomicLongArray(DELAY_BUCKETS.length + 1);
  private final AtomicLong sdkRetries = new AtomicLong();
  private final AtomicLong sdkDelayMillis = new AtomicLong();
  private final AtomicLong sdkGaveUp = new AtomicLong();
  private final PeakRate attemptRate = new PeakRate();
  private final PeakRate throttleRate = new PeakRate();
  private volatile long firstThrottleNanos;
  private volatile long lastThrottleNanos;

  ApiRetryCount(String service, String operation, String method) {
    this.service = service;
    this.operation = operation;
    this.method = method;
  }

  public void countAttempt(boolean throttle, long nowNanos) {
    attempts.incrementAndGet();
    attemptRate.add(nowNanos);
    if (throttle) {
      throttled.incrementAndGet();
      throttleRate.add(nowNanos);
      if (firstThrottleNanos == 0) {
        firstThrottleNanos = nowNanos;
      }
      lastThrottleNanos = nowNanos;
    }
  }

  public void countRetry(long delay) {
    retries.incrementAndGet();
    delayMillis.addAndGet(delay);
    int bucket = 0;
    while (bucket < DELAY_BUCKETS.length && delay > DELAY_BUCKETS[bucket]) {
      bucket++;
    }
    delays.incrementAndGet(bucket);
  }

  public void countRecovered() {
    recovered.incrementAndGet();
  }

  public void countGaveUp() {
    gaveUp.incrementAndGet();
  }

  public long countNotReplayable() {
    return notReplayable.incrementAndGet();
  }

  public void countBudgetRefused() {
    budgetRefused.incrementAndGet();
  }

  public void countSdkRetry(long waitedMillis) {
    sdkRetries.incrementAndGet();
    sdkDelayMillis.addAndGet(Math.max(0, waitedMillis));
  }

  public void countSdkGaveUp() {
    sdkGaveUp.incrementAndGet();
  }

  public String service() {
    return service;
  }

  public String operation() {
    return operation;
  }

  /** The HTTP method of the first attempt counted: it tells S3's read limit from its write limit. */
  public String method() {
    return method;
  }

  public long attempts() {
    return attempts.get();
  }

  public long throttled() {
    return throttled.get();
  }

  public long retries() {
    return retries.get();
  }

  /** Calls credscope retried that then succeeded. */
  public long recovered() {
    return recovered.get();
  }

  public long gaveUp() {
    return gaveUp.get();
  }

  public long notReplayable() {
    return notReplayable.get();
  }

  public long budgetRefused() {
    return budgetRefused.get();
  }

  /** The delays credscope waited before its retries, in all. */
  public long delayMillis() {
    return delayMillis.get();
  }

  /** How many of credscope's delays fell in each bucket of {@link #delayBucketBounds}, the last unbounded. */
  public long[] delayHistogram() {
    long[] counts = new long[delays.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = delays.get(i);
    }
    return counts;
  }

  public static long[] delayBucketBounds() {
    return DELAY_BUCKETS.clone();
  }

  public long sdkRetries() {
    return sdkRetries.get();
  }

  /** What the SDKs waited before their retries, in all. */
  public long sdkDelayMillis() {
    return sdkDelayMillis.get();
  }

  public long sdkGaveUp() {
    return sdkGaveUp.get();
  }

  /** The most attempts seen in one second. */
  public long peakAttemptsPerSecond() {
    return attemptRate.peak();
  }

  /** The most throttling answers seen in one second. */
  public long peakThrottlesPerSecond() {
    return throttleRate.peak();
  }

  /** From the first throttle to the last, in milliseconds; 0 with one throttle or none. */
  public long throttledForMillis() {
    long first = firstThrottleNanos;
    return first == 0 ? 0 : (lastThrottleNanos - first) / 1_000_000;
  }

  /**
   * Sustained: some call still failed after every retry (credscope's or an SDK's), or the budget ran out, or at
   * least half of many attempts were throttled. Backoff does not fix that; a lower rate or a higher quota does.
   * Intermittent otherwise: backoff absorbs it.
   */
  public boolean sustained() {
    long made = attempts.get();
    return gaveUp.get() + sdkGaveUp.get() + budgetRefused.get() > 0 || made >= 20 && throttled.get() * 2 >= made;
  }

  /**
   * Events per wall-clock second, counted in the current second and remembered at its peak. The second and its count
   * share one word, so that the thread which starts a new second cannot wipe a count another thread just made in it.
   */
  private static final class PeakRate {
    /** The current second in the high 32 bits, the events counted in it in the low 32. */
    private final AtomicLong secondAndCount = new AtomicLong(-1L << 32);
    private final AtomicLong peak = new AtomicLong();

    void add(long nowNanos) {
      long second = (nowNanos / 1_000_000_000L) & 0xFFFF_FFFFL;
      long state;
      long next;
      do {
        state = secondAndCount.get();
        long current = state >>> 32;
        // A thread that read the clock before another started the next second counts in that one.
        next = current == second || (int) (second - current) < 0 ? state + 1 : second << 32 | 1;
      } while (!secondAndCount.compareAndSet(state, next));
      long counted = next & 0xFFFF_FFFFL;
      long highest = peak.get();
      while (counted > highest && !peak.compareAndSet(highest, counted)) {
        highest = peak.get();
      }
    }

    long peak() {
      return peak.get();
    }
  }
}
