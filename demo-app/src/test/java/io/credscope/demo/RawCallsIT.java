package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.demo.fakeaws.FakeAws;
import io.credscope.demo.fakeaws.FakeService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's hand-signed calls, without credscope, in a JVM of their own: every HTTP client
 * against every fake. The fakes accept the signer; a throttled call reaches the fake once and the
 * application reports the service's throttling code, since nothing retries it.
 */
class RawCallsIT {

  private static final List<String> CLIENTS = List.of("jdk-send", "jdk-async", "apache4", "apache5", "okhttp",
      "urlconnection");
  private static final Map<String, String> OPERATION = Map.of("dynamodb", "ListTables", "sts", "GetCallerIdentity",
      "s3", "ListBuckets", "ec2", "DescribeInstances");
  private static final Map<String, String> THROTTLING = Map.of("dynamodb", "HTTP 400 ThrottlingException",
      "sts", "HTTP 400 Throttling", "s3", "HTTP 503 SlowDown", "ec2", "HTTP 503 RequestLimitExceeded");
  private static final Map<String, Function<FakeAws, FakeService>> FAKE = Map.of("dynamodb", FakeAws::dynamoDb,
      "sts", FakeAws::sts, "s3", FakeAws::s3, "ec2", FakeAws::ec2);
  private static final int AT_ONCE = 50;
  private static final Pattern PEAK = Pattern.compile("raw (\\S+): " + AT_ONCE + " calls done, peak live threads (\\d+)");

  @TempDir
  Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"dynamodb", "sts", "s3", "ec2"})
  void everyClientCallsEveryServiceSigned(String service) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(aws, service);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(lines(service, "HTTP 200"), rawLines(run), run.stdout());
      assertEquals(CLIENTS.size(), FAKE.get(service).apply(aws).requests());
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynamodb", "sts", "s3", "ec2"})
  void nothingRetriesAThrottledCall(String service) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      FakeService fake = FAKE.get(service).apply(aws);
      fake.throttleForever();
      AppLaunch launch = launch(aws, service);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(lines(service, THROTTLING.get(service)), rawLines(run), run.stdout());
      assertEquals(CLIENTS.size(), fake.requests(), "one request per client");
    }
  }

  /** The scenario as it runs today, without the agent's retry: the throttling reaches the application. */
  @Test
  void theThrottledScenarioFailsWithoutARetry() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = new AppLaunch(Scenario.THROTTLED, aws, folder.resolve("throttled"))
          .classPath(ScenarioIT.DEMO_JAR.toString()).sdks(Scenario.THROTTLED.sdks());
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(List.of("raw jdk-send dynamodb ListTables: HTTP 400 ThrottlingException"), rawLines(run));
      assertEquals(1, aws.dynamoDb().requests());
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  /**
   * Fifty calls at once: sendAsync on a pool of two threads needs no thread per call, where send on a
   * thread per call does.
   */
  @Test
  void concurrentAsyncCallsNeedNoThreadEach() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(aws, "dynamodb").raw("jdk-async,jdk-send", "dynamodb").concurrency(AT_ONCE);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(2 * AT_ONCE, aws.dynamoDb().requests());
      Matcher peaks = PEAK.matcher(run.stdout());
      assertTrue(peaks.find() && peaks.group(1).equals("jdk-async"), run.stdout());
      int async = Integer.parseInt(peaks.group(2));
      assertTrue(peaks.find() && peaks.group(1).equals("jdk-send"), run.stdout());
      int blocking = Integer.parseInt(peaks.group(2));
      // The JVM's own threads (about ten) count too.
      assertTrue(async < AT_ONCE / 2 && async < blocking, "jdk-async peaked at " + async + " live threads, "
          + "jdk-send at " + blocking);
    }
  }

  /** Keys from the application's properties file, as in {@link Scenario#STATIC_IN_CODE}; no SDK. */
  private AppLaunch launch(FakeAws aws, String service) throws IOException {
    return new AppLaunch(Scenario.STATIC_IN_CODE, aws, folder.resolve(service)).classPath(ScenarioIT.DEMO_JAR.toString())
        .sdks("none").raw(String.join(",", CLIENTS), service).calls(1);
  }

  private static List<String> lines(String service, String outcome) {
    return CLIENTS.stream().map(client -> "raw " + client + " " + service + " " + OPERATION.get(service) + ": " + outcome)
        .collect(Collectors.toList());
  }

  /** The application's line for each raw call, without the lines each client ends with. */
  static List<String> rawLines(ScenarioIT.Run run) {
    return run.stdout().lines().filter(line -> line.startsWith("demo | raw "))
        .map(line -> line.substring("demo | ".length()))
        .filter(line -> !line.contains("calls done") && !line.contains("body handler applied"))
        .collect(Collectors.toList());
  }
}
