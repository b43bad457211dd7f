package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import io.credscope.awserrors.AwsErrorCode;
import io.credscope.awserrors.AwsOperation;
import io.credscope.bridge.Bridge;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.RetryRecord;
import io.credscope.findings.FindingType;
import io.credscope.recorder.CallPath;
import io.credscope.retry.ApiRetryCount;
import io.credscope.retry.CallLimits;
import io.credscope.retry.Outcome;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryCounters;
import io.credscope.retry.RetryListener;
import io.credscope.retry.SdkAttempt;
import io.credscope.retry.ServerDelay;
import io.credscope.sigv4.SignatureExpiry;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
  /** How much of a retry's wait passes before its hook checks again whether the application cancelled the call. */
  static final long WAIT_SLICE_MILLIS = 25;
  /**
   * How long before its signature expires a retry must go out at the latest, so that it still reaches AWS in time.
   */
  static final long SIGNATURE_MARGIN_MILLIS = 10_000;
  static final String SIGNATURE_EXPIRES = "the request's signature would have expired before its next attempt";
  static final String REQUEST_TIMEOUT = "the request's own timeout would have passed before its next attempt";
  /** How often, at most, SDK calls still pending are swept for those whose SDK gave up. */
  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

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
  /**
   * SDK calls whose last attempt got a retryable answer, by invocation id. Lock-free, so that SDK attempts on many
   * threads never queue behind each other while some call awaits its retry.
   */
  private final ConcurrentMap<String, PendingSdkCall> pendingSdkCalls =
      new ConcurrentHashMap<String, PendingSdkCall>();
  /** The map's size, kept beside it: zero on the path of every untroubled SDK call, which then skips the map. */
  private final AtomicInteger pendingSdkCallCount = new AtomicInteger();
  private final AtomicLong nextSweepNanos = new AtomicLong(System.nanoTime());
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
  public long retryDelay(Object handle, String amzTarget, String amzDate, String sdkInvocationId, String sdkRequest,
      String retryAfter, String amzRetryAfter, boolean replayable) {
    RetryScope scope = (RetryScope) handle;
    try {
      long delay = decide(scope, amzTarget, amzDate, sdkInvocationId, sdkRequest, retryAfter, amzRetryAfter,
          replayable);
      if (delay < 0) {
        scope.close();
      } else {
        scope.site = null;
        scope.exchanges = 0;
        scope.resumeAtNanos = System.nanoTime() + delay * 1_000_000;
      }
      return delay;
    } catch (Throwable t) {
      scope.close();
      return -1;
    }
  }

  /** See {@code Bridge.retryWait}. */
  public int retryWait(Object handle, boolean cancelled) {
    RetryScope scope = (RetryScope) handle;
    scope.pending = false;
    if (cancelled) {
      scope.close();
      return Bridge.WAIT_CANCELLED;
    }
    long leftNanos = scope.resumeAtNanos - System.nanoTime();
    if (leftNanos <= 0) {
      return Bridge.WAIT_OVER;
    }
    try {
      Thread.sleep(Math.min(WAIT_SLICE_MILLIS, (leftNanos + 999_999) / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scope.close();
      return Bridge.WAIT_INTERRUPTED;
    }
    return scope.resumeAtNanos - System.nanoTime() <= 0 ? Bridge.WAIT_OVER : Bridge.WAIT_GOES_ON;
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

  private long decide(RetryScope scope, String amzTarget, String amzDate, String sdkInvocationId, String sdkRequest,
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
      scope.attempts = retrier.attempts(limits(scope.method, scope.target, amzDate,
          clock.millis() - (now - scope.startedNanos) / 1_000_000));
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

  /**
   * What a call's retries must stay within: the policy's rule for server errors, and its signature's expiry, less
   * the margin a retry needs to reach AWS.
   *
   * @param sentAtMillis when the call's first attempt went out, the latest its signature can have been made
   */
  private CallLimits limits(String method, String target, String amzDate, long sentAtMillis) {
    return CallLimits.of(retrier.policy().serverErrors().resends(method, target)).sendBy(
        SignatureExpiry.expiresAtMillis(amzDate, target, sentAtMillis) - SIGNATURE_MARGIN_MILLIS, SIGNATURE_EXPIRES);
  }

  private static boolean sdkOnStack() {
    return CallPath.sdk(new Throwable().getStackTrace()) != null;
  }

  /**
   * A {@code java.net.http} AWS call is about to be sent: answers the token its hook hands back once the client has
   * the call's future. When credscope may send the call again, the token is a body handler to send it with in place
   * of the application's, which holds back every answer but the call's last (see {@code GatedBodyHandler}); else it
   * is the exchange alone, only watched. A request credscope itself sends again already carries its gate.
   */
  Object sending(AwsCallSite site, String library, String method, String host, String target, String sdkOperation,
      Object client, Object request, Object bodyHandler) {
    RetryScope scope = scopes.get();
    if (scope.resending && bodyHandler instanceof JavaHttpGate) {
      return ((JavaHttpGate) bodyHandler).exchange();
    }
    if (retrier == null || client == null || request == null || bodyHandler == null
        || JavaHttpRequests.sdkAttempt(request) != null) {
      return new JavaHttpExchange(site, library, host, target, sdkOperation, null, true);
    }
    String operation = operation(sdkOperation, JavaHttpRequests.header(request, "X-Amz-Target"), target);
    long sentAt = clock.millis();
    CallLimits limits = limits(method, target, JavaHttpRequests.header(request, "X-Amz-Date"), sentAt);
    long timeout = JavaHttpRequests.timeoutMillis(request);
    if (timeout >= 0) {
      limits = limits.sendBy(sentAt + timeout, REQUEST_TIMEOUT);
    }
    JavaHttpCall call = new JavaHttpCall(site, library, method, host, target, sdkOperation, operation, client,
        request, bodyHandler, limits);
    Object gate = JavaHttpGates.gate(bodyHandler, call.firstExchange);
    return gate != null ? gate : new JavaHttpExchange(site, library, host, target, sdkOperation, null, true);
  }

  /**
   * A {@code java.net.http} call credscope may send again. Each attempt goes out with a gate of its own around the
   * application's body handler; the gate puts the attempt's answer to {@link #isFinal} before the application's
   * handler hears of it.
   */
  final class JavaHttpCall implements Retrier.Resend<Object> {
    private final AwsCallSite site;
    private final String library;
    private final String host;
    private final String target;
    private final String sdkOperation;
    private final ApiRetryCount api;
    private final RetriedCall retried;
    private final Object client;
    private final Object request;
    private final Object bodyHandler;
    private final Retrier.AsyncCall<Object> attempts;
    final JavaHttpExchange firstExchange;

    JavaHttpCall(AwsCallSite site, String library, String method, String host, String target, String sdkOperation,
        String operation, Object client, Object request, Object bodyHandler, CallLimits limits) {
      this.site = site;
      this.library = library;
      this.host = host;
      this.target = target;
      this.sdkOperation = sdkOperation;
      this.api = counters.row(site.service(), operation, method);
      this.retried = new RetriedCall(site, library, operation, api);
      this.client = client;
      this.request = request;
      this.bodyHandler = bodyHandler;
      this.attempts = retrier.asyncCall(limits, JavaHttpRequests.replayable(request), retried, this, timer());
      this.firstExchange = new JavaHttpExchange(site, library, host, target, sdkOperation, this, true);
    }

    /** The first attempt's future: answers the one the application is to hold. */
    CompletableFuture<Object> first(CompletableFuture<Object> pending) {
      return attempts.first(pending);
    }

    /** See {@link JavaHttpExchange#answered}. */
    boolean isFinal(int status, String queryError, String errorType, String retryAfter, String amzRetryAfter,
        byte[] prefix, int length) {
      AwsErrorCode error = status >= 400
          ? AwsErrorClassifier.classify(status, queryError, errorType, prefix, length) : null;
      Outcome outcome = error != null && error.throttling() ? Outcome.THROTTLED
          : Outcome.of(status, error == null ? null : error.code());
      long serverDelay = ServerDelay.millis(amzRetryAfter, retryAfter, clock.millis());
      api.countAttempt(outcome == Outcome.THROTTLED, System.nanoTime());
      retried.answered(error == null ? null : error.code(), status, serverDelay);
      return attempts.isFinal(outcome, serverDelay);
    }

    /** Sends the request again, with a gate of its own, through the client's public {@code sendAsync}. */
    @Override
    public CompletableFuture<Object> send() {
      JavaHttpExchange next = new JavaHttpExchange(site, library, host, target, sdkOperation, this, false);
      Object gate = JavaHttpGates.gate(bodyHandler, next);
      RetryScope resender = scopes.get();
      resender.resending = true;
      try {
        // No push promises for a resent request: AWS makes none, and the application's handler has had its answer.
        return JavaHttpRequests.sendAgain(client, request, gate, null);
      } finally {
        resender.resending = false;
      }
    }
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
    // Without throttling nothing waits: the SDK's calls then do not touch the map.
    if (invocationId != null && pendingSdkCallCount.get() > 0) {
      previous = pendingSdkCalls.remove(invocationId);
      if (previous != null) {
        pendingSdkCallCount.decrementAndGet();
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
    if (pendingSdkCallCount.get() > 0) {
      long due = nextSweepNanos.get();
      if (now - due >= 0 && nextSweepNanos.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
        sweepSdkCalls(now, false);
      }
    }
  }

  private void remember(String invocationId, PendingSdkCall call) {
    if (pendingSdkCalls.put(invocationId, call) == null
        && pendingSdkCallCount.incrementAndGet() > MAX_PENDING_SDK_CALLS) {
      PendingSdkCall oldest = null;
      String oldestId = null;
      for (Map.Entry<String, PendingSdkCall> entry : pendingSdkCalls.entrySet()) {
        if (oldest == null || entry.getValue().answeredNanos - oldest.answeredNanos < 0) {
          oldest = entry.getValue();
          oldestId = entry.getKey();
        }
      }
      if (oldestId != null && pendingSdkCalls.remove(oldestId, oldest)) {
        pendingSdkCallCount.decrementAndGet();
        oldest.api.countSdkGaveUp();
      }
    }
  }

  /**
   * The SDK calls whose retryable answer got no next attempt in time: their SDK gave up. At the end of the run,
   * every such call, without a record, since the reporter has stopped.
   */
  private void sweepSdkCalls(long now, boolean all) {
    Iterator<Map.Entry<String, PendingSdkCall>> entries = pendingSdkCalls.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, PendingSdkCall> entry = entries.next();
      PendingSdkCall call = entry.getValue();
      if ((all || now - call.answeredNanos >= SDK_GAVE_UP_NANOS) && pendingSdkCalls.remove(entry.getKey(), call)) {
        pendingSdkCallCount.decrementAndGet();
        call.gaveUp(!all);
      }
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
    public void outOfTime(int attempts, long totalDelayMillis, Outcome lastOutcome, String reason) {
      api.countGaveUp();
      events.accept(record(RetryRecord.GAVE_UP, attempts, -1, -1, totalDelayMillis, reason));
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
