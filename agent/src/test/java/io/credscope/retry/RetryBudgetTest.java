package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void theStandardBudgetPaysForAHundredRetries() {
    RetryBudget budget = RetryBudget.ofTokens(500);
    for (int retry = 0; retry < 100; retry++) {
      assertTrue(budget.tryAcquire(), "retry " + retry);
    }
    assertFalse(budget.tryAcquire());
    assertEquals(0, budget.level());
  }

  @Test
  void successesRefillUpToTheCapacity() {
    RetryBudget budget = new RetryBudget(10, 5, 1);
    assertTrue(budget.tryAcquire());
    assertTrue(budget.tryAcquire());
    budget.succeeded(true);
    assertEquals(5, budget.level(), "a success after a retry gives back its cost");
    budget.succeeded(false);
    assertEquals(6, budget.level());
    for (int success = 0; success < 10; success++) {
      budget.succeeded(true);
    }
    assertEquals(10, budget.level());
  }

  @Test
  void anEpisodeOfRefusalsIsReportedOnce() {
    RetryBudget budget = new RetryBudget(5, 5, 1);
    assertTrue(budget.tryAcquire());
    assertFalse(budget.tryAcquire());
    assertTrue(budget.refusalStartsEpisode());
    assertFalse(budget.refusalStartsEpisode());
    budget.succeeded(true);
    assertTrue(budget.tryAcquire(), "the episode ends with a granted retry");
    assertTrue(budget.refusalStartsEpisode(), "and the next refusal starts another");
  }

  @Test
  void concurrentRetriesNeverOverdraw() throws Exception {
    RetryBudget budget = new RetryBudget(500, 5, 1);
    java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        for (int retry = 0; retry < 100; retry++) {
          if (budget.tryAcquire()) {
            granted.incrementAndGet();
          }
        }
      });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(100, granted.get());
    assertEquals(0, budget.level());
  }
}
