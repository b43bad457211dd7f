package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

  /** A response as the retrier sees one: its status, error code and asked-for delay. */
  record Answer(int status, String code, long serverDelay) {
    static Answer ok() {
      return new Answer(200, null, ServerDelay.NONE);
    }

    static Answer throttled() {
      return new Answer(400, "ThrottlingException", ServerDelay.NONE);
    }
  }

  private final List<Answer> discarded = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<Long> slept = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private final RetryListener listener = new RetryListener() {
    @Override
    public void retrying(int number, Outcome outcome, long delayMillis, long ceilingMillis) {
      events.add("retrying after " + number + " " + outcome);
    }

    @Override
    public void notReplayable(int attempts, Outcome outcome) {
      events.add("not replayable after " + attempts + " " + outcome);
    }

    @Override
    public void finished(int attempts, long totalDelayMillis, Outcome outcome) {
      events.add("finished after " + attempts + " " + outcome);
    }

    @Override
    public void gaveUp(int attempts, long totalDelayMillis, Outcome lastOutcome) {
      events.add("gave up after " + attempts + " " + lastOutcome + " waiting " + totalDelayMillis + " ms");
    }

    @Override
    public void outOfTime(int attempts, long totalDelayMillis, Outcome lastOutcome, String reason) {
      events.add("out of time after " + attempts + " " + lastOutcome + ": " + reason);
    }

    @Override
    public void budgetRefused(int attempts, boolean startsEpisode, int budgetLevel) {
      events.add("refused after " + attempts + (startsEpisode ? " first" : "") + " at " + budgetLevel);
    }
  };

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  /** What a hook does for a synchronous call: the client's method again, for as long as the retrier says. */
  private Answer call(Retrier retrier, Iterator<Answer> answers, boolean replayable) {
    return call(retrier, answers, replayable, CallLimits.THROTTLING_ONLY);
  }

  private Answer call(Retrier retrier, Iterator<Answer> answers, boolean replayable, CallLimits limits) {
    Retrier.Attempts attempts = retrier.attempts(limits);
    while (true) {
      Answer answer = answers.next();
      long delay = attempts.next(outcome(answer), answer.serverDelay(), replayable, listener, 1);
      if (delay < 0) {
        return answer;
      }
      discarded.add(answer);
      slept.add(delay);
    }
  }

  private static Outcome outcome(Answer answer) {
    return Outcome.of(answer.status(), answer.code());
  }

  /** An asynchronous attempt's answer, decided on as its gate does: before its future completes. */
  private static CompletableFuture<Answer> answered(Retrier.AsyncCall<Answer> call, Answer answer) {
    call.isFinal(outcome(answer), answer.serverDelay());
    return CompletableFuture.completedFuture(answer);
  }

  private Answer call(Retrier retrier, Answer... answers) {
    return call(retrier, List.of(answers).iterator(), true);
  }

  private Retrier retrier(RetryBudget budget) {
    return new Retrier(new RetryPolicy(1000, 20_000, 4, Jitter.FULL), budget, RetryPolicy.RANDOM, Clock.systemUTC());
  }

  @Test
  void throttledTwiceThenAnswered() throws Exception {
    Answer ok = Answer.ok();
    Answer answer = call(retrier(RetryBudget.ofTokens(500)), Answer.throttled(), Answer.throttled(), ok);
    assertSame(ok, answer);
    assertEquals(List.of("retrying after 1 THROTTLED", "retrying after 2 THROTTLED", "finished after 3 SUCCESS"),
        events);
    assertEquals(2, slept.size());
    assertTrue(slept.get(0) >= 0 && slept.get(0) < 1000, "first retry in [0, 1 s): " + slept);
    assertTrue(slept.get(1) >= 0 && slept.get(1) < 2000, "second retry in [0, 2 s): " + slept);
    assertEquals(2, discarded.size(), "the throttled responses are freed");
  }

  @Test
  void throttledForeverGivesUpWithTheServersLastAnswer() throws Exception {
    Answer last = Answer.throttled();
    Answer answer = call(retrier(RetryBudget.ofTokens(500)), Answer.throttled(), Answer.throttled(),
        Answer.throttled(), last);
    assertSame(last, answer);
    assertEquals(3, slept.size());
    assertEquals("gave up after 4 THROTTLED waiting " + slept.stream().mapToLong(Long::longValue).sum() + " ms",
        events.get(3));
    assertTrue(discarded.stream().noneMatch(freed -> freed == last), "the answer returned is never freed");
  }

  @Test
  void aValidationErrorIsNotRetried() throws Exception {
    Answer invalid = new Answer(400, "ValidationException", ServerDelay.NONE);
    assertSame(invalid, call(retrier(RetryBudget.ofTokens(500)), invalid));
    assertEquals(List.of("finished after 1 NOT_RETRYABLE"), events);
    assertTrue(slept.isEmpty());
  }

  @Test
  void aServerErrorIsNotSentAgainUnlessTheLimitsAllowIt() {
    Answer failed = new Answer(500, "InternalFailure", ServerDelay.NONE);
    assertSame(failed, call(retrier(RetryBudget.ofTokens(500)), failed));
    assertEquals(List.of("finished after 1 SERVER_ERROR"), events);
    events.clear();
    Answer ok = Answer.ok();
    assertSame(ok, call(retrier(RetryBudget.ofTokens(500)), List.of(failed, ok).iterator(), true,
        CallLimits.of(true)));
    assertEquals(List.of("retrying after 1 SERVER_ERROR", "finished after 2 SUCCESS"), events);
  }

  @Test
  void noRetryWaitsPastTheTimeItsLastAttemptMustGoOutBy() {
    Retrier retrier = new Retrier(new RetryPolicy(1000, 1000, 4, Jitter.EQUAL), RetryBudget.ofTokens(500),
        RetryPolicy.RANDOM, Clock.fixed(Instant.ofEpochMilli(100_000), ZoneOffset.UTC));
    Answer throttled = Answer.throttled();
    RetryBudget budget = retrier.budget();
    // Equal jitter waits at least 500 ms: a call due out within that cannot be retried.
    assertSame(throttled, call(retrier, List.of(throttled).iterator(), true,
        CallLimits.THROTTLING_ONLY.sendBy(100_499, "its signature expires")));
    assertEquals(List.of("out of time after 1 THROTTLED: its signature expires"), events);
    assertEquals(500, budget.level(), "nothing was spent");
    events.clear();
    Answer ok = Answer.ok();
    assertSame(ok, call(retrier, List.of(throttled, ok).iterator(), true,
        CallLimits.THROTTLING_ONLY.sendBy(101_000, "its signature expires")));
    assertEquals(List.of("retrying after 1 THROTTLED", "finished after 2 SUCCESS"), events);
  }

  @Test
  void theSoonerSendByWins() {
    CallLimits limits = CallLimits.of(true).sendBy(5_000, "signature").sendBy(9_000, "timeout");
    assertEquals(5_000, limits.sendByMillis());
    assertEquals("signature", limits.sendByReason());
    assertTrue(limits.resendsServerErrors());
    assertEquals("timeout", limits.sendBy(4_000, "timeout").sendByReason());
  }

  @Test
  void theServersRetryAfterIsHonoured() throws Exception {
    call(retrier(RetryBudget.ofTokens(500)), new Answer(503, "SlowDown", 1500), Answer.ok());
    assertEquals(List.of(1500L), slept);
  }

  @Test
  void anExhaustedBudgetMakesNoMoreRetries() throws Exception {
    RetryBudget budget = new RetryBudget(5, 5, 1);
    Retrier retrier = retrier(budget);
    Answer second = Answer.throttled();
    assertSame(second, call(retrier, Answer.throttled(), second));
    Answer refused = Answer.throttled();
    assertSame(refused, call(retrier, refused));
    assertSame(refused, call(retrier, refused));
    assertEquals(List.of("retrying after 1 THROTTLED", "refused after 2 first at 0", "refused after 1 at 0",
        "refused after 1 at 0"), events, "one episode: no retry was granted in between");
    assertEquals(1, slept.size());
  }

  @Test
  void aBodyThatCannotBeSentAgainIsNotRetried() {
    Answer throttled = Answer.throttled();
    RetryBudget budget = RetryBudget.ofTokens(500);
    assertSame(throttled, call(retrier(budget), List.of(throttled).iterator(), false));
    assertEquals(List.of("not replayable after 1 THROTTLED"), events);
    assertEquals(500, budget.level(), "nothing was spent");
    assertTrue(slept.isEmpty());
  }

  @Test
  void asynchronousRetriesHoldNoThreadWhileTheyWait() throws Exception {
    Retrier retrier = new Retrier(new RetryPolicy(200, 200, 4, Jitter.EQUAL), RetryBudget.ofTokens(500),
        RetryPolicy.RANDOM, Clock.systemUTC());
    Answer ok = Answer.ok();
    Iterator<Answer> answers = List.of(Answer.throttled(), Answer.throttled(), ok).iterator();
    List<String> startedOn = new ArrayList<>();
    AtomicReference<Retrier.AsyncCall<Answer>> call = new AtomicReference<>();
    call.set(retrier.asyncCall(CallLimits.THROTTLING_ONLY, true, listener, () -> {
      startedOn.add(Thread.currentThread().getName());
      return answered(call.get(), answers.next());
    }, timer));
    CompletableFuture<Answer> result = call.get().first(answered(call.get(), answers.next()));
    assertFalse(result.isDone(), "the caller's thread is back before the first delay is over");
    assertSame(ok, result.get(5, TimeUnit.SECONDS), "the caller's future completes with the last answer only");
    assertEquals(2, startedOn.size());
    assertTrue(startedOn.stream().noneMatch(thread -> thread.equals(Thread.currentThread().getName())),
        "retries start on the timer");
    assertEquals("finished after 3 SUCCESS", events.get(2));
  }

  @Test
  void anAsynchronousFailureIsTheCallers() {
    Retrier.AsyncCall<Answer> call = retrier(RetryBudget.ofTokens(500)).asyncCall(CallLimits.THROTTLING_ONLY, true,
        listener, () -> CompletableFuture.failedFuture(new IOException("again")), timer);
    assertTrue(call.first(CompletableFuture.failedFuture(new IOException("reset"))).isCompletedExceptionally());
  }

  @Test
  void anAsynchronousAnswerNobodyDecidedOnIsTheCalls() throws Exception {
    Retrier.AsyncCall<Answer> call = retrier(RetryBudget.ofTokens(500)).asyncCall(CallLimits.THROTTLING_ONLY, true,
        listener, () -> {
          throw new AssertionError("never sent again");
        }, timer);
    Answer throttled = Answer.throttled();
    assertSame(throttled, call.first(CompletableFuture.completedFuture(throttled)).get(1, TimeUnit.SECONDS));
  }

  @Test
  void cancellingTheCallCancelsTheAttemptUnderWay() {
    CompletableFuture<Answer> inFlight = new CompletableFuture<>();
    Retrier.AsyncCall<Answer> call = retrier(RetryBudget.ofTokens(500)).asyncCall(CallLimits.THROTTLING_ONLY, true,
        listener, () -> inFlight, timer);
    call.first(inFlight).cancel(true);
    assertTrue(inFlight.isCancelled(), "the exchange is let go, as the client's own future would be");
  }
}
