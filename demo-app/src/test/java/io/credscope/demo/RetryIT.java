package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credscope.demo.fakeaws.FakeAws;
import io.credscope.demo.fakeaws.FakeService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * credscope's backoff in a real JVM: hand-signed calls that no SDK retries, through each client credscope retries,
 * against the fakes' throttling in each protocol's real shape; and SDK calls, which it must only watch. Delays are
 * checked against their jitter windows, and against the gaps between the attempts' arrivals at the fake: never
 * against wall-clock totals.
 */
class RetryIT {

  /** Small windows, so that the tests wait little: 50, 100, 200 ms. */
  private static final String BACKOFF = "backoffBase=50ms,backoffCap=400ms";
  private static final List<String> CLIENTS = List.of("jdk-send", "jdk-async", "apache4", "apache5", "okhttp",
      "urlconnection");
  private static final Map<String, String> LIBRARY = Map.of("jdk-send", "java.net.http.HttpClient",
      "jdk-async", "java.net.http.HttpClient", "apache4", "apache-httpclient-4", "apache5", "apache-httpclient-5",
      "okhttp", "okhttp", "urlconnection", "HttpURLConnection");
  private static final Map<String, String> OPERATION = Map.of("dynamodb", "ListTables", "sts", "GetCallerIdentity",
      "s3", "ListBuckets", "ec2", "DescribeInstances");
  /** Each protocol's throttling answer, as the application's line shows it. */
  private static final Map<String, String> THROTTLING = Map.of("dynamodb", "HTTP 400 ThrottlingException",
      "sts", "HTTP 400 Throttling", "s3", "HTTP 503 SlowDown", "ec2", "HTTP 503 RequestLimitExceeded");
  private static final Map<String, Function<FakeAws, FakeService>> FAKE = Map.of("dynamodb", FakeAws::dynamoDb,
      "sts", FakeAws::sts, "s3", FakeAws::s3, "ec2", FakeAws::ec2);
  private static final Pattern PEAK = Pattern.compile("raw jdk-async: (\\d+) calls done, peak live threads (\\d+)");

  @TempDir
  Path folder;

  static Stream<Arguments> clientsAndShapes() {
    List<Arguments> cases = new ArrayList<>();
    for (String client : CLIENTS) {
      for (String service : List.of("dynamodb", "sts", "ec2", "s3")) {
        cases.add(Arguments.of(client, service));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} against {1}")
  @MethodSource("clientsAndShapes")
  void aRawCallThrottledTwiceSucceedsOnItsThirdAttempt(String client, String service) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      FakeService fake = FAKE.get(service).apply(aws);
      AppLaunch launch = raw(aws, client, service, BACKOFF);
      fake.throttleNext(2);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(List.of("raw " + client + " " + service + " " + OPERATION.get(service) + ": HTTP 200"),
          RawCallsIT.rawLines(run));
      assertEquals(3, fake.requests(), "two retries, no more");
      List<JsonNode> retries = records(run, "retry");
      assertEquals(2, retries.size(), run.auditText());
      assertEquals(List.of(50L, 100L), longs(retries, "ceilingMillis"), "full jitter's windows: base, then 2 x base");
      List<Long> arrivals = fake.arrivals();
      for (int i = 0; i < retries.size(); i++) {
        JsonNode retry = retries.get(i);
        long delay = retry.get("delayMillis").asLong();
        assertTrue(delay >= 0 && delay < retry.get("ceilingMillis").asLong(), "inside its window: " + retry);
        long gapMillis = (arrivals.get(i + 1) - arrivals.get(i)) / 1_000_000;
        assertTrue(gapMillis >= delay, "the attempt waited its delay: " + gapMillis + " ms apart, " + retry);
        assertEquals(i + 1, retry.get("attempt").asInt());
        assertEquals(THROTTLING.get(service).split(" ")[2], retry.get("code").asText());
        assertEquals(service, retry.get("service").asText());
        assertEquals("credscope", retry.get("retrier").asText());
        assertEquals(LIBRARY.get(client), retry.get("library").asText());
      }
      assertTrue(records(run, "retry.gave-up").isEmpty(), run.auditText());
      if (client.startsWith("jdk")) {
        assertTrue(run.stdout().contains("raw " + client + ": body handler applied to [200]"),
            "the application's handler sees the last answer only: " + run.stdout());
      }
      JsonNode row = retryRow(run, service);
      assertEquals(1, row.get("recovered").asInt(), row.toString());
      assertEquals("intermittent", row.get("throttling").asText(), row.toString());
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  static Stream<Arguments> jdkClientsOnEveryJdk() {
    List<Arguments> cases = new ArrayList<>();
    ScenarioIT.javas().forEach(java -> {
      for (String client : List.of("urlconnection", "jdk-async")) {
        cases.add(Arguments.of(client, java.get()[0]));
      }
    });
    return cases.stream();
  }

  /** The JDK's own clients, whose retry hooks are woven into JDK classes, on every JDK the tests run. */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("jdkClientsOnEveryJdk")
  void theJdksClientsRetryOnEveryJdk(String client, String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, client, "sts", BACKOFF).java(java);
      aws.sts().throttleNext(1);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(2, aws.sts().requests());
      assertEquals(List.of(LIBRARY.get(client)), records(run, "retry").stream()
          .map(retry -> retry.get("library").asText()).collect(Collectors.toList()));
    }
  }

  /** Every client in one application, each call throttled at every attempt: each gives up with the last answer. */
  @ParameterizedTest
  @ValueSource(strings = {"dynamodb", "ec2"})
  void aRawCallThrottledForeverGivesUpWithTheServersLastAnswer(String service) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      FakeService fake = FAKE.get(service).apply(aws);
      AppLaunch launch = raw(aws, String.join(",", CLIENTS), service, BACKOFF);
      fake.throttleForever();
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(CLIENTS.stream().map(client -> "raw " + client + " " + service + " " + OPERATION.get(service) + ": "
          + THROTTLING.get(service)).collect(Collectors.toList()), RawCallsIT.rawLines(run), "the server's own last answer");
      assertEquals(4 * CLIENTS.size(), fake.requests(), "at most 4 attempts each");
      List<JsonNode> gaveUp = records(run, "retry.gave-up");
      assertEquals(CLIENTS.stream().map(LIBRARY::get).sorted().collect(Collectors.toList()),
          gaveUp.stream().map(record -> record.get("library").asText()).sorted().collect(Collectors.toList()));
      List<JsonNode> retries = records(run, "retry");
      assertEquals(3 * CLIENTS.size(), retries.size());
      for (JsonNode record : gaveUp) {
        assertEquals(4, record.get("attempts").asInt(), record.toString());
        assertEquals(THROTTLING.get(service).split(" ")[2], record.get("code").asText());
        long waited = retries.stream().filter(retry -> retry.get("library").equals(record.get("library")))
            .mapToLong(retry -> retry.get("delayMillis").asLong()).sum();
        if (!record.get("library").asText().equals("java.net.http.HttpClient")) {
          assertEquals(waited, record.get("totalDelayMillis").asLong(), "the delays of its own retries");
        }
      }
      JsonNode row = retryRow(run, service);
      assertEquals("sustained", row.get("throttling").asText(), row.toString());
      assertEquals(CLIENTS.size(), row.get("gaveUp").asInt());
    }
  }

  @Test
  void aValidationErrorIsNeverRetried() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, String.join(",", CLIENTS), "dynamodb", BACKOFF);
      aws.dynamoDb().rejectNext(CLIENTS.size());
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(RawCallsIT.rawLines(run).stream().allMatch(line -> line.endsWith("HTTP 400 ValidationException")),
          run.stdout());
      assertEquals(CLIENTS.size(), aws.dynamoDb().requests(), "one attempt each");
      assertTrue(records(run, "retry").isEmpty(), run.auditText());
    }
  }

  /** A POST may have been applied before its 500: no client's call is sent again, whatever the option says. */
  @ParameterizedTest(name = "backoffServerErrors={0}")
  @ValueSource(strings = {"off", "idempotent"})
  void aPostAnsweredByAServerErrorIsSentOnce(String serverErrors) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, String.join(",", CLIENTS), "dynamodb",
          BACKOFF + ",backoffServerErrors=" + serverErrors);
      aws.dynamoDb().failNext(CLIENTS.size());
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(RawCallsIT.rawLines(run).stream().allMatch(line -> line.endsWith("HTTP 500 InternalFailure")), run.stdout());
      assertEquals(CLIENTS.size(), aws.dynamoDb().requests(), "one attempt each");
      assertTrue(records(run, "retry").isEmpty(), run.auditText());
    }
  }

  /** A GET applies nothing: it is sent again after a 500 when the option says so. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdk-async", "okhttp", "urlconnection"})
  void aGetAnsweredByAServerErrorIsSentAgainWhenAskedFor(String client) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, client, "s3", BACKOFF + ",backoffServerErrors=idempotent");
      aws.s3().failNext(1);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(List.of("raw " + client + " s3 ListBuckets: HTTP 200"), RawCallsIT.rawLines(run));
      assertEquals(2, aws.s3().requests());
      assertEquals(1, records(run, "retry").size(), run.auditText());
    }
  }

  /** By default, not even a GET is sent again after a 500. */
  @Test
  void byDefaultNoServerErrorIsSentAgain() throws Exception {
    List<String> clients = List.of("jdk-async", "okhttp", "urlconnection");
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, String.join(",", clients), "s3", BACKOFF);
      aws.s3().failNext(clients.size());
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(clients.size(), aws.s3().requests(), "one attempt each");
      assertTrue(records(run, "retry").isEmpty(), run.auditText());
    }
  }

  /** A signature nearly five minutes old would have expired by the time a retry reached AWS. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"apache4", "jdk-async"})
  void aCallWhoseSignatureIsAboutToExpireIsNotSentAgain(String client) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, client, "dynamodb", BACKOFF).rawSignedAgo(295);
      aws.dynamoDb().throttleNext(1);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(List.of("raw " + client + " dynamodb ListTables: HTTP 400 ThrottlingException"), RawCallsIT.rawLines(run));
      assertEquals(1, aws.dynamoDb().requests());
      List<JsonNode> gaveUp = records(run, "retry.gave-up");
      assertEquals(1, gaveUp.size(), run.auditText());
      assertEquals("the request's signature would have expired before its next attempt",
          gaveUp.get(0).get("reason").asText(), gaveUp.get(0).toString());
    }
  }

  /**
   * The application's own limit on a call ends credscope's wait: OkHttp's call timeout, a watchdog's
   * {@code disconnect()}, java.net.http's request timeout. Every wait here is at least 30 s (equal jitter of 60 s);
   * the application's limit is 1 s.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"okhttp", "urlconnection", "jdk-send"})
  void theApplicationsTimeoutEndsTheWait(String client) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, client, "dynamodb", "backoffBase=60s,backoffCap=60s,backoffJitter=equal")
          .rawTimeout(1000);
      aws.dynamoDb().throttleForever();
      long started = System.nanoTime();
      ScenarioIT.Run run = ScenarioIT.run(launch);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(1, aws.dynamoDb().requests(), "no attempt after the application's limit: " + run.stdout());
      assertTrue(tookMillis < 20_000, "the wait ended with the call, not after its 30 s or more: " + tookMillis);
      String line = RawCallsIT.rawLines(run).get(0);
      assertTrue(client.equals("jdk-send") ? line.endsWith("HTTP 400 ThrottlingException") : line.contains("failed"),
          line);
    }
  }

  /** A body read from a stream cannot be sent again: the call is not retried, and it is counted and told once. */
  @Test
  void aBodyThatCannotBeSentAgainIsNotRetried() throws Exception {
    List<String> clients = List.of("jdk-send", "apache4", "apache5", "okhttp", "urlconnection");
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, String.join(",", clients), "dynamodb", BACKOFF).streamedBodies();
      aws.dynamoDb().throttleNext(clients.size());
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(RawCallsIT.rawLines(run).stream().allMatch(line -> line.endsWith("HTTP 400 ThrottlingException")),
          run.stdout());
      assertEquals(clients.size(), aws.dynamoDb().requests(), "one attempt each");
      assertTrue(records(run, "retry").isEmpty(), run.auditText());
      List<JsonNode> skipped = records(run, "retry.skipped");
      assertEquals(1, skipped.size(), run.auditText());
      assertEquals("its request body cannot be sent again; later ones are counted",
          skipped.get(0).get("reason").asText());
      assertEquals(clients.size(), retryRow(run, "dynamodb").get("notReplayable").asInt());
    }
  }

  /**
   * Fifty sendAsync calls at once, all throttled at their first attempt: while they wait, no thread is held for
   * them. A thread per waiting call would add fifty to the peak of live threads. What the JDK's client starts for
   * itself under fifty new connections at once varies from run to run (from 13 to 25 threads were seen in all),
   * so the bound is half of fifty.
   */
  @Test
  void sendAsyncHoldsNoThreadWhileItWaits() throws Exception {
    int atOnce = 50;
    int calm;
    try (FakeAws aws = FakeAws.start()) {
      ScenarioIT.Run run = ScenarioIT.run(raw(aws, "jdk-async", "dynamodb", BACKOFF).concurrency(atOnce));
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      calm = peakThreads(run, atOnce);
    }
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, "jdk-async", "dynamodb", "backoffBase=300ms,backoffCap=400ms").concurrency(atOnce);
      aws.dynamoDb().throttleNext(atOnce);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(2 * atOnce, aws.dynamoDb().requests(), "each call retried once");
      assertEquals(atOnce, records(run, "retry").size());
      int throttled = peakThreads(run, atOnce);
      assertTrue(throttled < calm + atOnce / 2, "peak " + throttled + " live threads while 50 calls waited, " + calm
          + " without throttling");
    }
  }

  /** With the budget's 5 tokens, one retry is paid for; then every throttled call fails fast. */
  @Test
  void anExhaustedBudgetMakesNoMoreRetries() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, "jdk-send", "dynamodb", BACKOFF + ",backoffBudget=5").calls(3);
      aws.dynamoDb().throttleForever();
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(2 + 1 + 1, aws.dynamoDb().requests(), "one retry, then none");
      assertEquals(1, records(run, "retry").size());
      List<JsonNode> findings = records(run, "finding").stream()
          .filter(finding -> finding.get("id").asText().equals("RETRY_BUDGET_EXHAUSTED")).collect(Collectors.toList());
      assertEquals(1, findings.size(), "once per episode: " + run.auditText());
      assertEquals("medium", findings.get(0).get("severity").asText());
      assertEquals(3, retryRow(run, "dynamodb").get("budgetRefused").asInt());
      assertTrue(run.stderr().contains("RETRY_BUDGET_EXHAUSTED (medium)"), run.stderr());
    }
  }

  @Test
  void theServersRetryAfterIsHonouredWithinTheCap() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, "okhttp", "s3", BACKOFF);
      aws.s3().throttleNext(1);
      aws.s3().retryAfterSeconds(1);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      List<JsonNode> retries = records(run, "retry");
      assertEquals(1, retries.size(), run.auditText());
      assertEquals(400, retries.get(0).get("delayMillis").asLong(), "one second asked, capped at 400 ms");
      assertTrue(retries.get(0).get("serverDelay").asBoolean());
      List<Long> arrivals = aws.s3().arrivals();
      assertTrue((arrivals.get(1) - arrivals.get(0)) / 1_000_000 >= 400);
    }
  }

  @Test
  void withBackoffOffNothingIsRetried() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = raw(aws, "apache4", "dynamodb", BACKOFF + ",backoff=off");
      aws.dynamoDb().throttleNext(1);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(1, aws.dynamoDb().requests());
      assertTrue(records(run, "retry").isEmpty());
      assertEquals(1, retryRow(run, "dynamodb").get("throttled").asInt(), "still counted");
    }
  }

  /**
   * The SDKs retry their own calls: credscope must not add a single attempt. Both SDKs, through the application's
   * default chain, with DynamoDB throttled twice (SDK v2, first, retries and succeeds) or STS throttled for good
   * (both give up):
   * the fakes count the same requests with credscope as without.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dynamodb", "sts"})
  void sdkAttemptsAreTheSameWithAndWithoutCredscope(String service) throws Exception {
    int without;
    try (FakeAws aws = FakeAws.start()) {
      throttle(aws, service);
      AppLaunch launch = sdkLaunch(aws, "without").agent(null, null);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(service.equals("sts") ? 1 : 0, run.exitCode(), run.stdout() + run.stderr());
      without = FAKE.get(service).apply(aws).requests();
    }
    try (FakeAws aws = FakeAws.start()) {
      throttle(aws, service);
      AppLaunch launch = sdkLaunch(aws, "with");
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(service.equals("sts") ? 1 : 0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(without, FAKE.get(service).apply(aws).requests(), "the SDKs' attempts, no more and no fewer");
      assertTrue(records(run, "retry").isEmpty(), "credscope retried nothing: " + run.auditText());
      JsonNode row = retryRow(run, service);
      assertEquals(0, row.get("retries").asInt(), row.toString());
      assertTrue(row.get("sdkRetries").asInt() >= 2, row.toString());
      if (service.equals("sts")) {
        assertEquals(2, row.get("sdkGaveUp").asInt(), "each SDK gave up once: " + row);
        List<JsonNode> gaveUp = records(run, "retry.gave-up");
        assertTrue(gaveUp.stream().anyMatch(record -> record.get("retrier").asText().equals("sdk-v2")
            && record.get("attempts").asInt() == record.get("maxAttempts").asInt()), run.auditText());
        // Both SDKs send the Action in a form body: the operation is the name each SDK call gave it.
        assertEquals(List.of("GetCallerIdentity", "GetCallerIdentity"),
            gaveUp.stream().map(record -> record.get("operation").asText()).collect(Collectors.toList()));
        assertEquals("GetCallerIdentity", row.get("operation").asText(), row.toString());
      } else {
        assertEquals(2, row.get("sdkRetries").asInt(), "the first SDK met both throttles: " + row);
        assertEquals(0, row.get("sdkGaveUp").asInt(), row.toString());
      }
    }
  }

  /** The demo's own scenario, with credscope's default policy: the call that failed without it now succeeds. */
  @Test
  void theThrottledScenarioSucceedsAfterBackoff() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      Path work = folder.resolve("scenario");
      AppLaunch launch = new AppLaunch(Scenario.THROTTLED, aws, work).classPath(ScenarioIT.DEMO_JAR.toString())
          .sdks(Scenario.THROTTLED.sdks()).agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl"));
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(List.of("raw jdk-send dynamodb ListTables: HTTP 200"), RawCallsIT.rawLines(run));
      assertEquals(3, aws.dynamoDb().requests());
      assertEquals(List.of(1000L, 2000L), longs(records(run, "retry"), "ceilingMillis"), "the default 1 s base");
      assertTrue(run.stderr().contains("credscope retries dynamodb ListTables after ThrottlingException (HTTP 400), "
          + "attempt 1 of 4: waiting "), run.stderr());
      assertTrue(run.stderr().contains("throttling of dynamodb ListTables: intermittent, 2 of 3 attempts throttled"),
          run.stderr());
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  private static void throttle(FakeAws aws, String service) {
    if (service.equals("sts")) {
      aws.sts().throttleForever();
    } else {
      aws.dynamoDb().throttleNext(2);
    }
  }

  /** Both SDKs with their default chains, on a host whose instance role supplies the credentials. */
  private AppLaunch sdkLaunch(FakeAws aws, String name) throws Exception {
    Path work = folder.resolve("sdk-" + name);
    return new AppLaunch(Scenario.ROLE_ONLY, aws, work).classPath(ScenarioIT.DEMO_JAR.toString()).sdks("v2,v1")
        .calls(1).agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl"));
  }

  /** Hand-signed calls only, with keys from the application's own properties file, as in the throttled scenario. */
  private AppLaunch raw(FakeAws aws, String clients, String service, String agentOptions) throws Exception {
    Path work = folder.resolve(service + "-" + clients.replace(',', '-') + "-" + System.nanoTime());
    AppLaunch launch = new AppLaunch(Scenario.THROTTLED, aws, work).classPath(ScenarioIT.DEMO_JAR.toString())
        .sdks("none").raw(clients, service).calls(1)
        .agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl") + "," + agentOptions);
    // The scenario throttles DynamoDB for itself; each test sets its own fake's answers.
    aws.dynamoDb().throttleNext(0);
    return launch;
  }

  private static int peakThreads(ScenarioIT.Run run, int atOnce) {
    Matcher peak = PEAK.matcher(run.stdout());
    assertTrue(peak.find(), run.stdout());
    assertEquals(atOnce, Integer.parseInt(peak.group(1)));
    return Integer.parseInt(peak.group(2));
  }

  private static List<JsonNode> records(ScenarioIT.Run run, String event) {
    return run.audit().stream().filter(record -> record.get("event").asText().equals(event))
        .collect(Collectors.toList());
  }

  private static List<Long> longs(List<JsonNode> records, String field) {
    return records.stream().map(record -> record.get(field).asLong()).collect(Collectors.toList());
  }

  static JsonNode retryRow(ScenarioIT.Run run, String service) {
    JsonNode summary = records(run, "summary").get(0);
    assertTrue(summary.has("retries"), summary.toString());
    for (JsonNode row : summary.get("retries")) {
      if (row.get("service").asText().equals(service)) {
        return row;
      }
    }
    throw new AssertionError("no retries row for " + service + ": " + summary);
  }
}
