package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  /** The defaults: base 1 s, cap 20 s, 4 attempts. */
  private static RetryPolicy policy(Jitter jitter) {
    return new RetryPolicy(1000, 20_000, 4, jitter);
  }

  /** Draws the largest value the bound allows, then the smallest, and records each bound. */
  private static final class Extremes implements Jitter.Uniform {
    final List<Long> bounds = new ArrayList<>();
    boolean high = true;

    @Override
    public long below(long bound) {
      bounds.add(bound);
      return high ? bound - 1 : 0;
    }
  }

  @Test
  void theCeilingDoublesFromTheBaseUntilTheCap() {
    RetryPolicy policy = policy(Jitter.FULL);
    assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16_000L, 20_000L, 20_000L),
        List.of(policy.ceilingMillis(0), policy.ceilingMillis(1), policy.ceilingMillis(2), policy.ceilingMillis(3),
            policy.ceilingMillis(4), policy.ceilingMillis(5), policy.ceilingMillis(6)));
    assertEquals(20_000L, policy.ceilingMillis(63));
    assertEquals(20_000L, policy.ceilingMillis(Integer.MAX_VALUE));
  }

  @Test
  void fullJitterIsUniformBelowTheCeiling() {
    Extremes draws = new Extremes();
    Backoff backoff = policy(Jitter.FULL).backoff(draws);
    assertEquals(999, backoff.delayMillis(0, ServerDelay.NONE));
    assertEquals(1999, backoff.delayMillis(1, ServerDelay.NONE));
    draws.high = false;
    assertEquals(0, backoff.delayMillis(2, ServerDelay.NONE));
    assertEquals(List.of(1000L, 2000L, 4000L), draws.bounds);
  }

  @Test
  void equalJitterKeepsHalfTheCeiling() {
    Extremes draws = new Extremes();
    Backoff backoff = policy(Jitter.EQUAL).backoff(draws);
    assertEquals(999, backoff.delayMillis(0, ServerDelay.NONE));
    draws.high = false;
    assertEquals(1000, backoff.delayMillis(1, ServerDelay.NONE));
    assertEquals(2000, backoff.delayMillis(2, ServerDelay.NONE));
  }

  @Test
  void decorrelatedJitterGrowsFromThePreviousDelayWithinTheCap() {
    Extremes draws = new Extremes();
    Backoff backoff = policy(Jitter.DECORRELATED).backoff(draws);
    assertEquals(2999, backoff.delayMillis(0, ServerDelay.NONE), "[base, 3 base)");
    assertEquals(8996, backoff.delayMillis(1, ServerDelay.NONE), "[base, 3 * 2999)");
    assertEquals(20_000, backoff.delayMillis(2, ServerDelay.NONE), "capped");
    draws.high = false;
    assertEquals(1000, backoff.delayMillis(3, ServerDelay.NONE), "never below the base");
  }

  @Test
  void theServersDelayWinsWithinTheCap() {
    Backoff backoff = policy(Jitter.FULL).backoff(new Extremes());
    assertEquals(3000, backoff.delayMillis(0, 3000));
    assertEquals(0, backoff.delayMillis(1, 0));
    assertEquals(20_000, backoff.delayMillis(2, 3_600_000));
  }

  @Test
  void realDrawsStayInsideTheirWindows() {
    RetryPolicy policy = policy(Jitter.FULL);
    for (int call = 0; call < 1000; call++) {
      Backoff backoff = policy.backoff(RetryPolicy.RANDOM);
      for (int retry = 0; retry < 3; retry++) {
        long delay = backoff.delayMillis(retry, ServerDelay.NONE);
        assertTrue(delay >= 0 && delay < policy.ceilingMillis(retry), retry + ": " + delay);
      }
    }
  }

  @Test
  void nonsensicalSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 20_000, 4, Jitter.FULL));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1000, 999, 4, Jitter.FULL));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1000, 20_000, 0, Jitter.FULL));
  }

  @Test
  void strategiesByTheirIds() {
    assertEquals(Jitter.DECORRELATED, Jitter.forId("decorrelated"));
    assertEquals(null, Jitter.forId("Full"));
  }
}
