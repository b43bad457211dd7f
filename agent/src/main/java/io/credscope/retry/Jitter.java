package io.credscope.retry;

/**
 * How a delay is drawn from its exponential ceiling {@code min(cap, base * 2^retry)}, as in the AWS
 * Architecture Blog's "Exponential Backoff And Jitter". Full jitter spreads a burst of throttled
 * clients the most; equal jitter keeps half of each delay; decorrelated jitter grows from the
 * previous delay instead of the retry number.
 */
public enum Jitter {
  /** Uniform in {@code [0, ceiling)}. */
  FULL("full") {
    @Override
    long delay(long ceiling, long base, long cap, long previous, Uniform uniform) {
      return uniform.below(ceiling);
    }
  },
  /** Half the ceiling, plus uniform in {@code [0, ceiling / 2)}. */
  EQUAL("equal") {
    @Override
    long delay(long ceiling, long base, long cap, long previous, Uniform uniform) {
      long half = ceiling / 2;
      return half + uniform.below(ceiling - half);
    }
  },
  /** Uniform in {@code [base, 3 * previous)}, at most the cap; the first retry's previous delay is the base. */
  DECORRELATED("decorrelated") {
    @Override
    long delay(long ceiling, long base, long cap, long previous, Uniform uniform) {
      long upper = Math.max(base + 1, saturatedTimesThree(Math.max(previous, base)));
      return Math.min(cap, base + uniform.below(upper - base));
    }
  };

  private final String id;

  Jitter(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The strategy with this id, or {@code null}. */
  public static Jitter forId(String id) {
    for (Jitter jitter : values()) {
      if (jitter.id.equals(id)) {
        return jitter;
      }
    }
    return null;
  }

  /**
   * @param ceiling {@code min(cap, base * 2^retry)}, at least 1
   * @param previous the delay before the previous retry, or 0 before the first
   */
  abstract long delay(long ceiling, long base, long cap, long previous, Uniform uniform);

  private static long saturatedTimesThree(long value) {
    return value > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : value * 3;
  }

  /** A source of uniformly distributed whole numbers, so that tests can pin the draws. */
  public interface Uniform {
    /** Uniform in {@code [0, bound)}; {@code bound} is at least 1. */
    long below(long bound);
  }
}
