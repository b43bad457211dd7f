package io.credscope.retry;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Decides the retries of calls under a {@link RetryPolicy} and a shared {@link RetryBudget}. A retryable answer
 * is retried after its backoff until the attempts run out, the budget refuses, or the wait would outlast the call's
 * {@link CallLimits}; then the server's last answer is what the caller gets, unchanged. Throttling is retried for
 * any request, since AWS answers it before processing anything; a server error only where the limits allow. Exceptions are never retried: an I/O failure is not a throttle, and the caller's
 * own handling of it stays as it was.
 *
 * <p>A synchronous call is driven by its hook, which repeats the client's method while {@link Attempts#next} says
 * so; an asynchronous one by {@link #callAsync}, which waits on a timer rather than a thread.
 */
public final class Retrier {

  private final RetryPolicy policy;
  private final RetryBudget budget;
  private final Jitter.Uniform uniform;
  /** The wall clock, which signatures' dates are on. */
  private final Clock clock;

  public Retrier(RetryPolicy policy, RetryBudget budget, Jitter.Uniform uniform, Clock clock) {
    this.policy = policy;
    this.budget = budget;
    this.uniform = uniform;
    this.clock = clock;
  }

  public RetryPolicy policy() {
    return policy;
  }

  public RetryBudget budget() {
    return budget;
  }

  /** The attempts of one call, from its first, within its limits. */
  public Attempts attempts(CallLimits limits) {
    return new Attempts(limits);
  }

  /** One asynchronous attempt. */
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

  /**
   * The asynchronous form: between attempts no thread waits; the next attempt is started by {@code timer} when its
   * delay is over.
   */
  public <R> CompletableFuture<R> callAsync(AsyncAttempt<R> attempt, Responses<R> responses, boolean replayable,
      CallLimits limits, RetryListener listener, ScheduledExecutorService timer) {
    CompletableFuture<R> result = new CompletableFuture<R>();
    final AsyncCall<R> call = new AsyncCall<R>(attempt, responses, replayable, limits, listener, timer, result);
    // A caller that cancels, as send does when its thread is interrupted, cancels the attempt under way too.
    result.whenComplete(new BiConsumer<R, Throwable>() {
      @Override
      public void accept(R response, Throwable failure) {
        CompletableFuture<R> current = call.current;
        if (result.isCancelled() && current != null) {
          current.cancel(true);
        }
      }
    });
    call.start();
    return result;
  }

  /** The state of one call's attempts. Not thread-safe: a call makes one attempt at a time. */
  public final class Attempts {
    private final Backoff backoff = policy.backoff(uniform);
    private final CallLimits limits;
    private int made;
    private long totalDelay;

    private Attempts(CallLimits limits) {
      this.limits = limits;
    }

    /**
     * Decides after an attempt answered, with the budget and the listener told.
     *
     * @param serverDelayMillis the delay the server asked for, or {@link ServerDelay#NONE}
     * @param replayable whether the request can be sent again as it was
     * @param sent the requests this attempt put on the wire: more than one when the client retried by itself, whose
     *     retries count against the same limit
     * @return the delay before the next attempt, or -1 when this answer is the call's
     */
    public long next(Outcome outcome, long serverDelayMillis, boolean replayable, RetryListener listener,
        int sent) {
      made += sent;
      if (!limits.retries(outcome)) {
        if (outcome == Outcome.SUCCESS) {
          budget.succeeded(made > 1);
        }
        listener.finished(made, totalDelay, outcome);
        return -1;
      }
      if (!replayable) {
        listener.notReplayable(made, outcome);
        return -1;
      }
      if (made >= policy.maxAttempts()) {
        listener.gaveUp(made, totalDelay, outcome);
        return -1;
      }
      long delay = backoff.delayMillis(made - 1, serverDelayMillis);
      if (clock.millis() + delay > limits.sendByMillis()) {
        listener.outOfTime(made, totalDelay, outcome, limits.sendByReason());
        return -1;
      }
      if (!budget.tryAcquire()) {
        listener.budgetRefused(made, budget.refusalStartsEpisode(), budget.level());
        return -1;
      }
      totalDelay += delay;
      listener.retrying(made, outcome, delay, policy.ceilingMillis(made - 1));
      return delay;
    }

    /** Attempts answered so far. */
    public int made() {
      return made;
    }

    /** The delays waited so far, in all. */
    public long totalDelayMillis() {
      return totalDelay;
    }
  }

  private final class AsyncCall<R> {
    private final AsyncAttempt<R> attempt;
    private final Responses<R> responses;
    private final boolean replayable;
    private final RetryListener listener;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<R> result;
    private final Attempts attempts;
    /** The attempt under way, or the last one. */
    volatile CompletableFuture<R> current;

    AsyncCall(AsyncAttempt<R> attempt, Responses<R> responses, boolean replayable, CallLimits limits,
        RetryListener listener, ScheduledExecutorService timer, CompletableFuture<R> result) {
      this.attempts = attempts(limits);
      this.attempt = attempt;
      this.responses = responses;
      this.replayable = replayable;
      this.listener = listener;
      this.timer = timer;
      this.result = result;
    }

    void start() {
      CompletableFuture<R> started;
      try {
        started = attempt.start();
      } catch (Throwable t) {
        result.completeExceptionally(t);
        return;
      }
      current = started;
      if (result.isCancelled()) {
        started.cancel(true);
        return;
      }
      started.whenComplete(new BiConsumer<R, Throwable>() {
        @Override
        public void accept(R response, Throwable failure) {
          if (failure != null) {
            result.completeExceptionally(failure);
            return;
          }
          long delay = decide(response);
          // A caller that cancelled, or timed out, wants no more attempts.
          if (delay < 0 || result.isDone()) {
            result.complete(response);
            return;
          }
          try {
            timer.schedule(new Runnable() {
              @Override
              public void run() {
                if (!result.isDone()) {
                  start();
                }
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

    /** As {@link Attempts#next}, but a failure of credscope's own ends the retries rather than the call. */
    private long decide(R response) {
      try {
        return attempts.next(responses.outcome(response), responses.serverDelayMillis(response), replayable,
            listener, 1);
      } catch (Throwable t) {
        return -1;
      }
    }
  }
}
