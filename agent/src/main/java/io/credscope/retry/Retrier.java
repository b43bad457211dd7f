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
 * so; an asynchronous one by an {@link AsyncCall}, which waits on a timer rather than a thread.
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

  /** Sends an asynchronous call's next attempt. */
  public interface Resend<R> {
    CompletableFuture<R> send();
  }

  /**
   * An asynchronous call, made before its first attempt is sent: each attempt's answer is decided on through
   * {@link AsyncCall#isFinal} as soon as it is known, before anything of the caller's sees it, and between attempts
   * no thread waits; the next attempt is started by {@code timer} when its delay is over.
   */
  public <R> AsyncCall<R> asyncCall(CallLimits limits, boolean replayable, RetryListener listener, Resend<R> resend,
      ScheduledExecutorService timer) {
    return new AsyncCall<R>(limits, replayable, listener, resend, timer);
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

  /** The attempts of one asynchronous call. */
  public final class AsyncCall<R> {
    private static final long UNDECIDED = -2;

    private final Attempts attempts;
    private final boolean replayable;
    private final RetryListener listener;
    private final Resend<R> resend;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<R> result = new CompletableFuture<R>();
    /** The attempt under way, or the last one. */
    private volatile CompletableFuture<R> current;
    /** What {@link #isFinal} decided on the attempt under way: -1, its answer is the call's; else the delay. */
    private volatile long decided = UNDECIDED;

    private AsyncCall(CallLimits limits, boolean replayable, RetryListener listener, Resend<R> resend,
        ScheduledExecutorService timer) {
      this.attempts = attempts(limits);
      this.replayable = replayable;
      this.listener = listener;
      this.resend = resend;
      this.timer = timer;
    }

    /**
     * Decides on the answer of the attempt under way, once, as soon as it is known.
     *
     * @return whether the answer is the call's; {@code false} when the call is sent again and this answer dropped
     */
    public boolean isFinal(Outcome outcome, long serverDelayMillis) {
      long delay;
      try {
        delay = result.isDone() ? -1 : attempts.next(outcome, serverDelayMillis, replayable, listener, 1);
      } catch (Throwable t) {
        // A failure of credscope's own ends the retries, not the call.
        delay = -1;
      }
      decided = delay;
      return delay < 0;
    }

    /**
     * The first attempt was sent: answers the future the caller is to hold, which completes with the answer of the
     * call's last attempt. A caller that cancels it, as {@code send} does when its thread is interrupted, cancels
     * the attempt under way too.
     */
    public CompletableFuture<R> first(CompletableFuture<R> pending) {
      result.whenComplete(new BiConsumer<R, Throwable>() {
        @Override
        public void accept(R response, Throwable failure) {
          CompletableFuture<R> attempt = current;
          if (result.isCancelled() && attempt != null) {
            attempt.cancel(true);
          }
        }
      });
      follow(pending);
      return result;
    }

    private void follow(CompletableFuture<R> attempt) {
      current = attempt;
      if (result.isCancelled()) {
        attempt.cancel(true);
        return;
      }
      attempt.whenComplete(new BiConsumer<R, Throwable>() {
        @Override
        public void accept(R response, Throwable failure) {
          if (failure != null) {
            result.completeExceptionally(failure);
            return;
          }
          long delay = decided;
          // An answer nobody decided on is the call's; a caller that cancelled, or timed out, wants no more.
          if (delay < 0 || result.isDone()) {
            result.complete(response);
            return;
          }
          try {
            timer.schedule(new Runnable() {
              @Override
              public void run() {
                sendAgain();
              }
            }, delay, TimeUnit.MILLISECONDS);
          } catch (RuntimeException shutDown) {
            result.complete(response);
          }
        }
      });
    }

    private void sendAgain() {
      if (result.isDone()) {
        return;
      }
      decided = UNDECIDED;
      CompletableFuture<R> attempt;
      try {
        attempt = resend.send();
      } catch (Throwable t) {
        result.completeExceptionally(t);
        return;
      }
      follow(attempt);
    }
  }
}
