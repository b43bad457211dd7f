package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import io.credscope.awserrors.AwsErrorCode;
import io.credscope.awserrors.AwsOperation;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.RetryRecord;
import io.credscope.findings.FindingType;
import io.credscope.recorder.CallPath;
import io.credscope.retry.ApiRetryCount;
import io.credscope.retry.Outcome;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryCounters;
import io.credscope.retry.RetryListener;
import io.credscope.retry.SdkAttempt;
import io.credscope.retry.ServerDelay;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Retries the AWS calls that no SDK retries, and watches those that an SDK does. A synchronous client's call is
 * driven by its hook, which repeats the client's method while {@link #retryDelay} says so; a
 * {@code java.net.http} call by {@link #retryAsync}, which waits on a timer rather than on a thread. An SDK's
 * attempt, known by its invocation headers or, failing those, by its call stack, is never sent again by credscope:
 * its retries, the delays it waited and its give-ups are counted, so that attempts are never multiplied.
 */
public final class CallRetries {

  /** SDK calls remembered between a retryable answer and their next attempt; beyond, the oldest is let go. */
  static final int MAX_PENDING_SDK_CALLS = 1024;
  /** An SDK that has not sent a retryable call again within this long gave up on it. */
  static final long SDK_GAVE_UP_NANOS = 60_000_000_000L;
  static final int MAX_OPERATIONS = 1024;

  /** {@code null} with {@code backoff=off}: calls are then only watched. */
  private final Retrier retrier;
  private final Consumer<Event> events;
  private final Clock clock;
  private final RetryCounters counters = new RetryCounters();
  private final ThreadLocal<RetryScope> scopes = new ThreadLocal<RetryScope>() {
    @Override
    protected RetryScope initialValue() {
      return new RetryScope();
    }
  };
  /** SDK calls whose last attempt got a retryable answer, by invocation id, oldest first. */
  private final LinkedHashMap<String, PendingSdkCall> pendingSdkCalls = new LinkedHashMap<String, PendingSdkCall>();
  /** The map's size, written under its lock, read without: zero on the path of every untroubled SDK call. */
  private volatile int pendingSdkCallCount;
  private volatile ScheduledExecutorService timer;
  /** Operations by {@code X-Amz-Target}; at most {@link #MAX_OPERATIONS}, so that memory stays bounded. */
  private final ConcurrentMap<String, String> operations = new ConcurrentHashMap<String, String>();

  public CallRetries(Retrier retrier, Consumer<Event> events, Clock clock) {
    this.retrier = retrier;
    this.events = events;
    this.clock = clock;
  }

  /** See {@code Bridge.callStarted}. */
  public Object callStarted() {
    RetryScope scope = scopes.get();
    scope.started(System.nanoTime());
    return scope;
  }

  /** See {@code Bridge.callAnswered}. */
  public boolean callAnswered(Object handle, Throwable failure) {
    RetryScope scope = (RetryScope) handle;
    if (scope.depth > 1) {
      scope.depth--;
      return false;
    }
    if (scope.site == null || failure != null) {
      scope.close();
      return false;
    }
    scope.pending = true;
    return true;
  }

  /** See {@code Bridge.retryDelay}. */
  public long retryDelay(Object handle, String amzTarget, String sdkInvocationId, String sdkRequest,
      String retryAfter, String amzRetryAfter, boolean replayable) {
    RetryScope scope = (RetryScope) handle;
    try {
      long delay = decide(scope, amzTarget, sdkInvocationId, sdkRequest, retryAfter, amzRetryAfter, replayable);
      if (delay < 0) {
        scope.close();
      } else {
        scope.site = null;
        scope.exchanges = 0;
      }
      return delay;
    } catch (Throwable t) {
      scope.close();
      return -1;
    }
  }

  /** See {@code Bridge.retryWait}. */
  public boolean retryWait(Object handle, long delayMillis) {
    RetryScope scope = (RetryScope) handle;
    scope.pending = false;
    try {
      Thread.sleep(delayMillis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scope.close();
      return false;
    }
  }

  /** The wire hook on this thread saw an AWS exchange: remembered if a hooked call is in progress around it. */
  void exchanged(AwsCallSite site, String library, String method, String target, int status, String sdkOperation) {
    RetryScope scope = scopes.get();
    if (scope.depth > 0) {
      scope.exchanged(site, library, method, target, status, sdkOperation);
    }
  }

  /** The error of the exchange just remembered on this thread was classified. */
  void classified(AwsErrorCode error) {
    RetryScope scope = scopes.get();
    if (scope.depth > 0 && scope.site != null) {
      scope.classified(error);
    }
  }

  private long decide(RetryScope scope, String amzTarget, String sdkInvocationId, String sdkRequest,
      String retryAfter, String amzRetryAfter, boolean replayable) {
    long now = System.nanoTime();
    Outcome outcome = scope.outcome();
    if (scope.operation == null) {
      scope.operation = operation(scope.sdkOperation, amzTarget, scope.target);
    }
    ApiRetryCount api = counters.row(scope.site.service(), scope.operation, scope.method);
    api.countAttempt(outcome == Outcome.THROTTLED, now);
    SdkAttempt sdk = SdkAttempt.of(sdkInvocationId, sdkRequest);
    if (sdk == null && outcome.retryable() && scope.attempts == null && sdkOnStack()) {
      sdk = SdkAttempt.onStack();
    }
    if (sdk != null) {
      sdkAttempted(sdk, sdkInvocationId, scope, api, outcome, now);
      return -1;
    }
    if (retrier == null) {
      return -1;
    }
    if (scope.attempts == null) {
      if (!outcome.retryable()) {
        if (outcome == Outcome.SUCCESS) {
          retrier.budget().succeeded(false);
        }
        return -1;
      }
      scope.attempts = retrier.attempts();
      scope.retried = new RetriedCall(scope.site, scope.library, scope.operation, api);
    }
    long serverDelay = ServerDelay.millis(amzRetryAfter, retryAfter, clock.millis());
    scope.retried.answered(scope.code, scope.status, serverDelay);
    // A client's own retries count among the attempts: they are never multiplied by credscope's.
    return scope.attempts.next(outcome, serverDelay, replayable, scope.retried, Math.max(1, scope.exchanges));
  }

  /**
   * The operation, from a table of the {@code X-Amz-Target} values seen: a repeated call's header string is hashed,
   * not cut up again.
   */
  private String operation(String sdkOperation, String amzTarget, String target) {
    if (amzTarget == null) {
      return AwsOperation.of(sdkOperation, null, target);
    }
    String operation = operations.get(amzTarget);
    if (operation == null) {
      operation = AwsOperation.of(null, amzTarget, null);
      if (operations.size() < MAX_OPERATIONS) {
        operations.put(amzTarget, operation);
      }
    }
    // A header that names no operation leaves the choice to the query and the SDK, as it would uncached.
    return operation.equals(AwsOperation.UNKNOWN) ? AwsOperation.of(sdkOperation, null, target) : operation;
  }

  private static boolean sdkOnStack() {
    return CallPath.sdk(new Throwable().getStackTrace()) != null;
  }

  /**
   * A {@code java.net.http} AWS call was sent: answers the future its client is to return, which completes with the
   * answer of its last attempt when it is retried, or {@code pending} itself when it is not.
   */
  Object retryAsync(AwsCallSite site, String library, String method, String target, String sdkOperation,
      Object pending, final Object client, final Object request, final Object bodyHandler,
      final Object pushPromiseHandler) {
    final RetryScope scope = scopes.get();
    if (retrier == null || scope.resending || !(pending instanceof CompletableFuture) || client == null
        || request == null) {
      return pending;
    }
    if (JavaHttpRequests.sdkAttempt(request) != null) {
      return pending;
    }
    final String operation = operation(sdkOperation, JavaHttpRequests.header(request, "X-Amz-Target"), target);
    final ApiRetryCount api = counters.row(site.service(), operation, method);
    final RetriedCall call = new RetriedCall(site, library, operation, api);
    @SuppressWarnings("unchecked")
    final CompletableFuture<Object> first = (CompletableFuture<Object>) pending;
    Retrier.AsyncAttempt<Object> attempt = new Retrier.AsyncAttempt<Object>() {
      private boolean sent;

      @Override
      public CompletableFuture<Object> start() {
        if (!sent) {
          sent = true;
          return first;
        }
        RetryScope resender = scopes.get();
        resender.resending = true;
        try {
          return JavaHttpRequests.sendAgain(client, request, bodyHandler, pushPromiseHandler);
        } finally {
          resender.resending = false;
        }
      }
    };
    Retrier.Responses<Object> responses = new Retrier.Responses<Object>() {
      @Override
      public Outcome outcome(Object response) {
        int status = JavaHttpResponses.status(response);
        AwsErrorCode error = null;
        if (status >= 400) {
          JavaHttpResponses.Error read = JavaHttpResponses.error(response);
          error = AwsErrorClassifier.classify(status, read.queryError, read.errorType, read.body, read.length);
        }
        Outcome outcome = error != null && error.throttling() ? Outcome.THROTTLED
            : Outcome.of(status, error == null ? null : error.code());
        api.countAttempt(outcome == Outcome.THROTTLED, System.nanoTime());
        call.answered(error == null ? null : error.code(), status, serverDelayMillis(response));
        return outcome;
      }

      @Override
      public long serverDelayMillis(Object response) {
        return ServerDelay.millis(JavaHttpResponses.header(response, "x-amz-retry-after"),
            JavaHttpResponses.header(response, "Retry-After"), clock.millis());
      }

      @Override
      public void discard(Object response) {
        JavaHttpResponses.discard(response);
      }
    };
    return retrier.callAsync(attempt, responses, JavaHttpRequests.replayable(request), call, timer());
  }

  private ScheduledExecutorService timer() {
    ScheduledExecutorService started = timer;
    if (started == null) {
      synchronized (this) {
        started = timer;
        if (started == null) {
          ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
            @Override
            public Thread newThread(Runnable waiting) {
              Thread thread = new Thread(waiting, "credscope-retry-timer");
              thread.setDaemon(true);
              return thread;
            }
          });
          made.setRemoveOnCancelPolicy(true);
          timer = made;
          started = made;
        }
      }
    }
    return started;
  }

  /** An SDK's attempt: counted as a retry when it is one, and remembered until the SDK's next one, or its end. */
  private void sdkAttempted(SdkAttempt sdk, String invocationId, RetryScope scope, ApiRetryCount api,
      Outcome outcome, long now) {
    PendingSdkCall previous = null;
    // Without throttling nothing waits: the SDK's calls then take no lock here.
    if (invocationId != null && pendingSdkCallCount > 0) {
      synchronized (pendingSdkCalls) {
        previous = pendingSdkCalls.remove(invocationId);
        pendingSdkCallCount = pendingSdkCalls.size();
      }
    }
    long waited = 0;
    if (sdk.attempt() > 1 || previous != null) {
      waited = sdk.lastBackoffMillis() != SdkAttempt.UNKNOWN ? sdk.lastBackoffMillis()
          : previous == null ? 0 : Math.max(0, (scope.startedNanos - previous.answeredNanos) / 1_000_000);
      api.countSdkRetry(waited);
    }
    long totalDelay = (previous == null ? 0 : previous.totalDelayMillis) + waited;
    int attempts = sdk.attempt() != SdkAttempt.UNKNOWN ? sdk.attempt() : previous == null ? 1 : previous.attempts + 1;
    if (outcome.retryable()) {
      PendingSdkCall call = new PendingSdkCall(sdk, scope.site, scope.library, scope.operation, api, scope.code,
          scope.status, attempts, totalDelay, now);
      if (sdk.last()) {
        call.gaveUp(true);
      } else if (invocationId != null) {
        remember(invocationId, call);
      }
    }
    if (pendingSdkCallCount > 0) {
      sweepSdkCalls(now, false);
    }
  }

  private void remember(String invocationId, PendingSdkCall call) {
    PendingSdkCall dropped = null;
    synchronized (pendingSdkCalls) {
      pendingSdkCalls.put(invocationId, call);
      if (pendingSdkCalls.size() > MAX_PENDING_SDK_CALLS) {
        Map.Entry<String, PendingSdkCall> oldest = pendingSdkCalls.entrySet().iterator().next();
        dropped = oldest.getValue();
        pendingSdkCalls.remove(oldest.getKey());
      }
      pendingSdkCallCount = pendingSdkCalls.size();
    }
    if (dropped != null) {
      dropped.api.countSdkGaveUp();
    }
  }

  /**
   * The SDK calls whose retryable answer got no next attempt in time: their SDK gave up. At the end of the run,
   * every such call, without a record, since the reporter has stopped.
   */
  private void sweepSdkCalls(long now, boolean all) {
    while (true) {
      PendingSdkCall expired;
      synchronized (pendingSdkCalls) {
        if (pendingSdkCalls.isEmpty()) {
          return;
        }
        Map.Entry<String, PendingSdkCall> oldest = pendingSdkCalls.entrySet().iterator().next();
        if (!all && now - oldest.getValue().answeredNanos < SDK_GAVE_UP_NANOS) {
          return;
        }
        expired = oldest.getValue();
        pendingSdkCalls.remove(oldest.getKey());
        pendingSdkCallCount = pendingSdkCalls.size();
      }
      expired.gaveUp(!all);
    }
  }

  /** Retries and their outcomes per API, at the end of the run: SDK calls still waiting count as given up. */
  public List<ApiRetryCount> counts() {
    sweepSdkCalls(System.nanoTime(), true);
    return counters.eventful();
  }

  /** The APIs throttled or retried so far, for the meters. */
  public List<ApiRetryCount> eventfulCounts() {
    return counters.eventful();
  }

  /** The budget's tokens left, or -1 with {@code backoff=off}. */
  public int budgetLevel() {
    return retrier == null ? -1 : retrier.budget().level();
  }

  /** A call credscope retries: what its records say, kept up to date with each answer. */
  final class RetriedCall implements RetryListener {
    private final AwsCallSite site;
    private final String library;
    private final String operation;
    private final ApiRetryCount api;
    private volatile String code;
    private volatile int status;
    private volatile long serverDelay;

    RetriedCall(AwsCallSite site, String library, String operation, ApiRetryCount api) {
      this.site = site;
      this.library = library;
      this.operation = operation;
      this.api = api;
    }

    void answered(String answeredCode, int answeredStatus, long askedDelay) {
      code = answeredCode;
      status = answeredStatus;
      serverDelay = askedDelay;
    }

    @Override
    public void retrying(int number, Outcome outcome, long delayMillis, long ceilingMillis) {
      api.countRetry(delayMillis);
      events.accept(record(RetryRecord.RETRY, number, delayMillis, serverDelay >= 0 ? -1 : ceilingMillis, -1, null));
    }

    @Override
    public void finished(int attempts, long totalDelayMillis, Outcome outcome) {
      if (attempts > 1 && outcome == Outcome.SUCCESS) {
        api.countRecovered();
      }
    }

    @Override
    public void gaveUp(int attempts, long totalDelayMillis, Outcome lastOutcome) {
      api.countGaveUp();
      events.accept(record(RetryRecord.GAVE_UP, attempts, -1, -1, totalDelayMillis, null));
    }

    @Override
    public void notReplayable(int attempts, Outcome outcome) {
      if (api.countNotReplayable() == 1) {
        events.accept(record(RetryRecord.SKIPPED, attempts, -1, -1, 0,
            "its request body cannot be sent again; later ones are counted"));
      }
    }

    @Override
    public void budgetRefused(int attempts, boolean startsEpisode, int budgetLevel) {
      api.countBudgetRefused();
      if (startsEpisode) {
        budgetExhausted(budgetLevel);
      }
    }

    private RetryRecord record(String type, int attempts, long delay, long ceiling, long totalDelay, String reason) {
      return new RetryRecord(type, clock.instant(), RetryRecord.CREDSCOPE, site.identity(), operation, code, status,
          attempts, retrier.policy().maxAttempts(), delay, ceiling, totalDelay, reason, library);
    }

    /** RETRY_BUDGET_EXHAUSTED, once per episode: until a retry is granted again. */
    private void budgetExhausted(int budgetLevel) {
      Map<String, String> evidence = new LinkedHashMap<String, String>();
      evidence.put("service", site.service());
      evidence.put("operation", operation);
      if (code != null) {
        evidence.put("code", code);
      }
      evidence.put("budgetTokens", Integer.toString(retrier.budget().capacity()));
      evidence.put("tokensLeft", Integer.toString(budgetLevel));
      evidence.put("library", library);
      FindingType type = FindingType.RETRY_BUDGET_EXHAUSTED;
      events.accept(new Finding(clock.instant(), type.id(), type.severity(), site.identity(),
          "throttling of " + site.service() + (operation.equals(AwsOperation.UNKNOWN) ? "" : " " + operation)
              + " outlasted credscope's retry budget of " + retrier.budget().capacity()
              + " tokens: calls now fail fast with the server's answer until one succeeds",
          "the throttling is sustained, and retrying harder would only add to it: lower the call rate, spread it "
              + "over time, or ask AWS for a higher quota", evidence));
    }
  }

  /** An SDK call whose last attempt got a retryable answer, waiting for the SDK's next attempt. */
  private final class PendingSdkCall {
    final SdkAttempt sdk;
    final AwsCallSite site;
    final String library;
    final String operation;
    final ApiRetryCount api;
    final String code;
    final int status;
    final int attempts;
    final long totalDelayMillis;
    final long answeredNanos;

    PendingSdkCall(SdkAttempt sdk, AwsCallSite site, String library, String operation, ApiRetryCount api,
        String code, int status, int attempts, long totalDelayMillis, long answeredNanos) {
      this.sdk = sdk;
      this.site = site;
      this.library = library;
      this.operation = operation;
      this.api = api;
      this.code = code;
      this.status = status;
      this.attempts = attempts;
      this.totalDelayMillis = totalDelayMillis;
      this.answeredNanos = answeredNanos;
    }

    void gaveUp(boolean recorded) {
      api.countSdkGaveUp();
      if (recorded) {
        events.accept(new RetryRecord(RetryRecord.GAVE_UP, clock.instant(), sdk.retrier(), site.identity(),
            operation, code, status, attempts, sdk.max(), -1, -1, totalDelayMillis, null, library));
      }
    }
  }

  /** credscope is detached: the timer's thread ends once the retries it already holds have run. */
  public void close() {
    ScheduledExecutorService started = timer;
    if (started != null) {
      started.shutdown();
    }
  }
}
