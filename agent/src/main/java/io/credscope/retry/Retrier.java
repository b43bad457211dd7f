package io.credscope.retry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs a call under a {@link RetryPolicy} and a shared {@link RetryBudget}. A retryable answer is
 * retried after its backoff until the attempts run out or the budget refuses; then the server's
 * last answer is what the caller gets, unchanged. Exceptions are never retried: an I/O failure is
 * not a throttle, and the caller's own handling of it stays as it was.
 */
public final class Retrier {

  private final RetryPolicy policy;
  private final RetryBudget budget;
  private final Jitter.Uniform uniform;

  public Retrier(RetryPolicy policy, RetryBudget budget, Jitter.Uniform uniform) {
    this.policy = policy;
    this.budget = budget;
    this.uniform = uniform;
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** One attempt of the call. */
  public interface Attempt<R> {
    R run() throws Exception;
  }

  /** One attempt of an asynchronous call. */
  public interface AsyncAttempt<R> {
    CompletableFuture<R> start();
  }

  /** How the retrier reads the caller's response type. */
  public interface Responses<R> {
    Outcome outcome(R response);

    /** The delay the server asked for, or {@link ServerDelay#NONE}. */
    long serverDelayMillis(R response);

    /** Frees a response that a retry replaces, such as its connection; never called on the one returned. */
    void discard(R response);
  }

  /** Waits on the calling thread; a parameter so that tests need not. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public static final Sleeper THREAD_SLEEP = new Sleeper() {
    @Override
    public void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }
  };

  public <R> R call(Attempt<R> attempt, Responses<R> responses, RetryListener listener, Sleeper sleeper)
      throws Exception {
    Backoff backoff = policy.backoff(uniform);
    long totalDelay = 0;
    for (int number = 1; ; number++) {
      R response = attempt.run();
      long delay = decide(number, response, responses, backoff, listener, totalDelay);
      if (delay < 0) {
        return response;
      }
      responses.discard(response);
      totalDelay += delay;
      sleeper.sleep(delay);
    }
  }

  /**
   * The asynchronous form: between attempts no thread waits; the next attempt is started by
   * {@code timer} when its delay is over.
   */
  public <R> CompletableFuture<R> callAsync(AsyncAttempt<R> attempt, Responses<R> responses, RetryListener listener,
      ScheduledExecutorService timer) {
    CompletableFuture<R> result = new CompletableFuture<R>();
    new AsyncCall<R>(attempt, responses, listener, timer, result).start(1);
    return result;
  }

  /** As {@link #nextDelay}, but a failure of credscope's own ends the retries rather than the call. */
  private <R> long decide(int number, R response, Responses<R> responses, Backoff backoff, RetryListener listener,
      long totalDelay) {
    try {
      return nextDelay(number, response, responses, backoff, listener, totalDelay);
    } catch (Throwable t) {
      return -1;
    }
  }

  /**
   * Decides after attempt {@code number}: the delay before the next one, or -1 when this response
   * is the answer, with the budget and the listener told.
   */
  private <R> long nextDelay(int number, R response, Responses<R> responses, Backoff backoff,
      RetryListener listener, long totalDelay) {
    Outcome outcome = responses.outcome(response);
    if (!outcome.retryable()) {
      if (outcome == Outcome.SUCCESS) {
        budget.succeeded(number > 1);
      }
      listener.finished(number, totalDelay, outcome);
      return -1;
    }
    if (number >= policy.maxAttempts()) {
      listener.gaveUp(number, totalDelay, outcome);
      return -1;
    }
    if (!budget.tryAcquire()) {
      listener.budgetRefused(number, budget.refusalStartsEpisode(), budget.level());
      return -1;
    }
    long delay = backoff.delayMillis(number - 1, responses.serverDelayMillis(response));
    listener.retrying(number, outcome, delay);
    return delay;
  }

  private final class AsyncCall<R> {
    private final AsyncAttempt<R> attempt;
    private final Responses<R> responses;
    private final RetryListener listener;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<R> result;
    private final Backoff backoff = policy.backoff(uniform);
    private long totalDelay;

    AsyncCall(AsyncAttempt<R> attempt, Responses<R> responses, RetryListener listener,
        ScheduledExecutorService timer, CompletableFuture<R> result) {
      this.attempt = attempt;
      this.responses = responses;
      this.listener = listener;
      this.timer = timer;
      this.result = result;
    }

    void start(final int number) {
      CompletableFuture<R> started;
      try {
        started = attempt.start();
      } catch (Throwable t) {
        result.completeExceptionally(t);
        return;
      }
      started.whenComplete(new BiConsumer<R, Throwable>() {
        @Override
        public void accept(R response, Throwable failure) {
          if (failure != null) {
            result.completeExceptionally(failure);
            return;
          }
          long delay = decide(number, response, responses, backoff, listener, totalDelay);
          if (delay < 0) {
            result.complete(response);
            return;
          }
          totalDelay += delay;
          try {
            timer.schedule(new Runnable() {
              @Override
              public void run() {
                start(number + 1);
              }
            }, delay, TimeUnit.MILLISECONDS);
          } catch (RuntimeException shutDown) {
            result.complete(response);
            return;
          }
          responses.discard(response);
        }
      });
    }
  }
}
