package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class ApiRetryCountTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void thePeakRateIsTheBusiestSecondsCount() {
    ApiRetryCount api = new ApiRetryCount("sts", "GetCallerIdentity", "POST");
    api.countAttempt(true, 5 * SECOND);
    api.countAttempt(false, 5 * SECOND + 1);
    api.countAttempt(true, 6 * SECOND);
    api.countAttempt(false, 6 * SECOND + 10);
    api.countAttempt(false, 6 * SECOND + 20);
    api.countAttempt(true, 7 * SECOND);
    assertEquals(3, api.peakAttemptsPerSecond());
    assertEquals(1, api.peakThrottlesPerSecond());
  }

  @Test
  void aThreadThatReadTheClockLateCountsInTheNewSecond() {
    ApiRetryCount api = new ApiRetryCount("sts", "GetCallerIdentity", "POST");
    api.countAttempt(false, 8 * SECOND);
    api.countAttempt(false, 8 * SECOND + 1);
    api.countAttempt(false, 7 * SECOND + 999_999_999L);
    assertEquals(3, api.peakAttemptsPerSecond());
  }

  /**
   * Each round a fresh API's first second is begun by several threads at once, right after a barrier: no count
   * made in it may be lost to the thread that began it, so every round's peak is every count made.
   */
  @Test
  void threadsBeginningASecondAtOnceLoseNoCount() throws Exception {
    int threads = 4;
    int rounds = 3_000;
    int perThread = 4;
    ApiRetryCount[] apis = new ApiRetryCount[rounds];
    for (int r = 0; r < rounds; r++) {
      apis[r] = new ApiRetryCount("dynamodb", "ListTables", "POST");
    }
    CyclicBarrier barrier = new CyclicBarrier(threads);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          for (ApiRetryCount api : apis) {
            barrier.await();
            for (int i = 0; i < perThread; i++) {
              api.countAttempt(false, 3 * SECOND + i);
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      thread.join();
    }
    int lossy = 0;
    for (ApiRetryCount api : apis) {
      assertEquals((long) threads * perThread, api.attempts());
      if (api.peakAttemptsPerSecond() != threads * perThread) {
        lossy++;
      }
    }
    assertEquals(0, lossy, "rounds whose peak lost counts");
  }
}
