package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.bridge.Bridge;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.RetryRecord;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.retry.ApiRetryCount;
import io.credscope.retry.Jitter;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryBudget;
import io.credscope.retry.RetryPolicy;
import io.credscope.retry.ServerErrorRetries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The retry decisions as a synchronous client's hooks ask for them: the call hook around, the wire hook inside,
 * each attempt answered by a DynamoDB-shaped throttling error or a success.
 */
class CallRetriesTest {

  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/eu-west-1/"
      + "dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c"
      + "82c400e06b5924a6f2b5d7";
  private static final String TARGET = "DynamoDB_20120810.ListTables";
  private static final byte[] THROTTLED =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\"}".getBytes(StandardCharsets.UTF_8);

  private final List<Event> events = new ArrayList<>();
  private final Clock clock = Clock.systemUTC();
  private final CredentialsRecorder credentials = new CredentialsRecorder(CredentialChainModel.ALL, events::add, clock);

  private CallRetries retries(int budgetTokens) {
    return new CallRetries(new Retrier(new RetryPolicy(10, 40, 4, Jitter.FULL), RetryBudget.ofTokens(budgetTokens),
        RetryPolicy.RANDOM, clock), events::add, clock);
  }

  private HttpCallRecorder recorder(CallRetries retries) {
    return new HttpCallRecorder(credentials::resolutionOf, events::add, clock, new Properties(), Map.of(), retries);
  }

  /** One attempt on the wire, as the wire hook reports it. */
  private static void wire(HttpCallRecorder recorder, int status) {
    wire(recorder, "POST", null, status, THROTTLED);
  }

  private static void wire(HttpCallRecorder recorder, String method, String query, int status, byte[] errorBody) {
    if (recorder.exchange("test-client", method, "dynamodb.eu-west-1.amazonaws.com", 443, query, AUTHORIZATION, null,
        status, null)) {
      recorder.errorResponse(TARGET, null, null, errorBody, errorBody.length);
    }
  }

  /**
   * One call of one attempt answered so: the delay credscope decided on, or -1; the call's scope is left as the
   * hook would leave it.
   */
  private static long answered(CallRetries retries, HttpCallRecorder recorder, Object scope, String method,
      String query, String amzDate, int status, byte[] errorBody) {
    wire(recorder, method, query, status, errorBody);
    assertTrue(retries.callAnswered(scope, null));
    return retries.retryDelay(scope, TARGET, amzDate, null, null, null, null, true);
  }

  /**
   * A whole call as the call hook drives it: attempts answered with the statuses given, for as long as the
   * retrier asks for another; answers the delays waited.
   */
  private static List<Long> call(CallRetries retries, HttpCallRecorder recorder, String sdkInvocationId,
      String sdkRequest, boolean replayable, int... statuses) {
    List<Long> delays = new ArrayList<>();
    Object scope = retries.callStarted();
    for (int status : statuses) {
      wire(recorder, status);
      if (!retries.callAnswered(scope, null)) {
        break;
      }
      long delay = retries.retryDelay(scope, TARGET, null, sdkInvocationId, sdkRequest, null, null, replayable);
      if (delay < 0) {
        break;
      }
      delays.add(delay);
      assertEquals(Bridge.WAIT_OVER, waitOut(retries, scope));
    }
    return delays;
  }

  /** Waits as a hook does, slice by slice, for a call nobody cancels. */
  static int waitOut(CallRetries retries, Object scope) {
    int waited;
    do {
      waited = retries.retryWait(scope, false);
    } while (waited == Bridge.WAIT_GOES_ON);
    return waited;
  }

  private List<RetryRecord> records(String type) {
    return events.stream().filter(RetryRecord.class::isInstance).map(RetryRecord.class::cast)
        .filter(record -> record.type().equals(type)).collect(Collectors.toList());
  }

  private List<String> findings() {
    return events.stream().filter(Finding.class::isInstance).map(event -> ((Finding) event).id())
        .collect(Collectors.toList());
  }

  private static ApiRetryCount listTables(CallRetries retries) {
    return retries.counts().stream().filter(row -> row.operation().equals("ListTables")).findFirst().orElseThrow();
  }

  @Test
  void aRawCallThrottledTwiceIsRetriedWithinItsJitterWindowsAndRecovers() {
    CallRetries retries = retries(500);
    List<Long> delays = call(retries, recorder(retries), null, null, true, 400, 400, 200);
    assertEquals(2, delays.size());
    List<RetryRecord> retried = records(RetryRecord.RETRY);
    assertEquals(List.of(1, 2), retried.stream().map(RetryRecord::attempts).collect(Collectors.toList()));
    assertEquals(List.of(10L, 20L), retried.stream().map(RetryRecord::ceilingMillis).collect(Collectors.toList()));
    for (RetryRecord record : retried) {
      assertTrue(record.delayMillis() >= 0 && record.delayMillis() < record.ceilingMillis(), "in its window");
      assertEquals("ThrottlingException", record.code());
      assertEquals("ListTables", record.operation());
    }
    ApiRetryCount row = listTables(retries);
    assertEquals(3, row.attempts());
    assertEquals(2, row.throttled());
    assertEquals(1, row.recovered());
    assertEquals(0, row.gaveUp());
  }

  @Test
  void aRawCallThrottledForeverGivesUpOnceWithItsLastAnswer() {
    CallRetries retries = retries(500);
    assertEquals(3, call(retries, recorder(retries), null, null, true, 400, 400, 400, 400, 400).size());
    List<RetryRecord> gaveUp = records(RetryRecord.GAVE_UP);
    assertEquals(1, gaveUp.size());
    assertEquals(4, gaveUp.get(0).attempts());
    assertEquals("ThrottlingException", gaveUp.get(0).code());
    assertEquals(RetryRecord.CREDSCOPE, gaveUp.get(0).retrier());
    assertEquals(1, listTables(retries).gaveUp());
  }

  @Test
  void anSdksAttemptsAreWatchedNeverRetried() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    String invocation = "3f2c9d2e-0000-4000-8000-000000000001";
    assertTrue(call(retries, recorder, invocation, "attempt=1; max=3", true, 400).isEmpty());
    assertTrue(call(retries, recorder, invocation, "attempt=2; max=3", true, 400).isEmpty());
    assertTrue(call(retries, recorder, invocation, "attempt=3; max=3", true, 400).isEmpty());
    assertTrue(records(RetryRecord.RETRY).isEmpty(), "credscope adds no attempt of its own");
    List<RetryRecord> gaveUp = records(RetryRecord.GAVE_UP);
    assertEquals(1, gaveUp.size());
    assertEquals("sdk-v2", gaveUp.get(0).retrier());
    assertEquals(3, gaveUp.get(0).attempts());
    ApiRetryCount row = listTables(retries);
    assertEquals(2, row.sdkRetries());
    assertEquals(1, row.sdkGaveUp());
    assertEquals(0, row.retries());
  }

  @Test
  void anSdkV1CallThatIsNeverSentAgainCountsAsGivenUpAtTheEnd() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    assertTrue(call(retries, recorder, "v1-invocation", "0/0/500", true, 400).isEmpty());
    assertTrue(call(retries, recorder, "v1-invocation", "1/37/495", true, 400).isEmpty());
    ApiRetryCount row = listTables(retries);
    assertEquals(1, row.sdkRetries());
    assertEquals(37, row.sdkDelayMillis(), "v1 says what it waited");
    assertEquals(1, row.sdkGaveUp());
  }

  @Test
  void anEmptyBudgetRefusesRetriesAndIsReportedOncePerEpisode() {
    CallRetries retries = retries(5);
    HttpCallRecorder recorder = recorder(retries);
    assertEquals(1, call(retries, recorder, null, null, true, 400, 400).size(), "the one retry the budget pays");
    assertTrue(call(retries, recorder, null, null, true, 400).isEmpty());
    assertTrue(call(retries, recorder, null, null, true, 400).isEmpty());
    assertEquals(List.of("RETRY_BUDGET_EXHAUSTED"), findings());
    assertEquals(3, listTables(retries).budgetRefused(), "the first call's second answer, and both later calls");
  }

  @Test
  void aBodyThatCannotBeSentAgainIsCountedAndReportedOnce() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    assertTrue(call(retries, recorder, null, null, false, 400).isEmpty());
    assertTrue(call(retries, recorder, null, null, false, 400).isEmpty());
    assertEquals(1, records(RetryRecord.SKIPPED).size());
    assertEquals(2, listTables(retries).notReplayable());
  }

  @Test
  void callsThatAreNotForAwsAndNestedCallsLeaveNoDecisionBehind() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    Object outer = retries.callStarted();
    Object inner = retries.callStarted();
    assertFalse(retries.callAnswered(inner, null), "an inner call leaves the decision to the outermost");
    assertFalse(retries.callAnswered(outer, null), "no AWS exchange was seen");
    // A hook that failed between its two bridge calls leaves a decision pending: the next call starts afresh.
    Object abandoned = retries.callStarted();
    wire(recorder, 400);
    assertTrue(retries.callAnswered(abandoned, null));
    assertEquals(1, call(retries, recorder, null, null, true, 400, 200).size());
  }

  @Test
  void withBackoffOffCallsAreOnlyWatched() {
    CallRetries retries = new CallRetries(null, events::add, clock);
    assertTrue(call(retries, recorder(retries), null, null, true, 400, 200).isEmpty());
    assertEquals(1, listTables(retries).throttled());
    assertEquals(-1, retries.budgetLevel());
  }

  @Test
  void aClientsOwnRetriesCountAmongTheAttempts() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    Object scope = retries.callStarted();
    // As HttpClient 5 does with a 503: two requests on the wire within the one call credscope sees.
    wire(recorder, 400);
    wire(recorder, 400);
    assertTrue(retries.callAnswered(scope, null));
    long delay = retries.retryDelay(scope, TARGET, null, null, null, null, null, true);
    assertTrue(delay >= 0 && delay < 20, "the second retry's window: " + delay);
    assertEquals(Bridge.WAIT_OVER, waitOut(retries, scope));
    wire(recorder, 400);
    wire(recorder, 400);
    assertTrue(retries.callAnswered(scope, null));
    assertEquals(-1, retries.retryDelay(scope, TARGET, null, null, null, null, null, true));
    List<RetryRecord> gaveUp = records(RetryRecord.GAVE_UP);
    assertEquals(1, gaveUp.size(), "four requests are all the attempts allowed, not eight");
    assertEquals(4, gaveUp.get(0).attempts());
  }

  private static final byte[] INTERNAL_FAILURE =
      "{\"__type\":\"com.amazon.coral.service#InternalFailure\"}".getBytes(StandardCharsets.UTF_8);

  private CallRetries retries(ServerErrorRetries serverErrors) {
    return new CallRetries(new Retrier(new RetryPolicy(10, 40, 4, Jitter.FULL, serverErrors),
        RetryBudget.ofTokens(500), RetryPolicy.RANDOM, clock), events::add, clock);
  }

  @Test
  void aPostAnsweredByAServerErrorIsNeverSentAgain() {
    for (ServerErrorRetries rule : ServerErrorRetries.values()) {
      CallRetries retries = retries(rule);
      HttpCallRecorder recorder = recorder(retries);
      for (String method : List.of("POST", "PATCH")) {
        assertEquals(-1, answered(retries, recorder, retries.callStarted(), method, null, null, 500, INTERNAL_FAILURE),
            rule + " " + method);
      }
    }
    assertTrue(records(RetryRecord.RETRY).isEmpty());
  }

  @Test
  void anIdempotentRequestAnsweredByAServerErrorIsSentAgainOnlyWhenAskedFor() {
    CallRetries off = retries(ServerErrorRetries.OFF);
    assertEquals(-1, answered(off, recorder(off), off.callStarted(), "GET", null, null, 500, INTERNAL_FAILURE));
    CallRetries idempotent = retries(ServerErrorRetries.IDEMPOTENT);
    HttpCallRecorder recorder = recorder(idempotent);
    assertTrue(answered(idempotent, recorder, idempotent.callStarted(), "GET", null, null, 503, INTERNAL_FAILURE)
        >= 0);
    assertEquals(-1, answered(idempotent, recorder, idempotent.callStarted(), "GET",
        "Action=TerminateInstances&Version=2016-11-15", null, 500, INTERNAL_FAILURE), "a Query call is an action");
  }

  @Test
  void aCallWhoseSignatureWouldExpireBeforeItsRetryIsNotSentAgain() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    String signedLongAgo = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .format(clock.instant().minusSeconds(295));
    assertEquals(-1, answered(retries, recorder, retries.callStarted(), "POST", null, signedLongAgo, 400, THROTTLED));
    List<RetryRecord> gaveUp = records(RetryRecord.GAVE_UP);
    assertEquals(1, gaveUp.size());
    assertEquals(1, gaveUp.get(0).attempts());
    assertEquals(CallRetries.SIGNATURE_EXPIRES, gaveUp.get(0).reason());
    String signedNow = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .format(clock.instant());
    assertTrue(answered(retries, recorder, retries.callStarted(), "POST", null, signedNow, 400, THROTTLED) >= 0);
  }

  @Test
  void aCancelEndsTheWaitAndTheCall() {
    CallRetries retries = new CallRetries(new Retrier(new RetryPolicy(60_000, 60_000, 4, Jitter.EQUAL),
        RetryBudget.ofTokens(500), RetryPolicy.RANDOM, clock), events::add, clock);
    HttpCallRecorder recorder = recorder(retries);
    Object scope = retries.callStarted();
    assertTrue(answered(retries, recorder, scope, "POST", null, null, 400, THROTTLED) >= 30_000);
    assertEquals(Bridge.WAIT_GOES_ON, retries.retryWait(scope, false), "a slice of a long wait");
    assertEquals(Bridge.WAIT_CANCELLED, retries.retryWait(scope, true));
    assertEquals(0, ((RetryScope) scope).depth, "the call is over");
  }

  @Test
  void nothingOfACallStaysOnItsThreadOnceItIsOver() {
    CallRetries retries = retries(500);
    HttpCallRecorder recorder = recorder(retries);
    Object scope = retries.callStarted();
    String presigned = "X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLETOKEN&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6";
    assertEquals(-1, answered(retries, recorder, scope, "GET", presigned, null, 200, THROTTLED));
    RetryScope ended = (RetryScope) scope;
    assertEquals(null, ended.target);
    assertEquals(null, ended.method);
    assertEquals(null, ended.site);
  }
}
