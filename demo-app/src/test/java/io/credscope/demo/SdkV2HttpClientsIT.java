package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credscope.demo.fakeaws.DemoKeys;
import io.credscope.demo.fakeaws.FakeAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SDK v2 on its other HTTP clients ({@code --sdk-http}; {@link ScenarioIT} runs its default, {@code apache-client}):
 * the hook on each client's library sees each SDK call as one {@code aws.call}, signed with the key the credentials
 * hooks attributed; and the SDK's own retries are watched, never added to. A client the SDK line lacks is refused
 * by the application, clearly. {@code netty} runs the SDK's asynchronous clients, whose answers arrive on Netty's
 * threads: no application frame is on the stack there, and no hook wraps a whole call to count the SDK's retries.
 */
class SdkV2HttpClientsIT {

  private static final String VERSION = System.getProperty("credscope.it.awssdk.v2.version");
  private static final Map<Scenario, Function<FakeAws, DemoKeys>> KEYS = Map.of(
      Scenario.ROLE_ONLY, aws -> aws.imds().roleKeys(),
      Scenario.ENV_SHADOWS_ROLE, aws -> aws.userKey("stale-deploy-user"));

  /** An SDK v2 HTTP client, and the library whose hook sees its calls. */
  enum Client {
    URL_CONNECTION("url-connection", "HttpURLConnection", true, true),
    /** {@code apache5-client} came with SDK v2 2.41: the oldest-sdks line has none. */
    APACHE5("apache5", "apache-httpclient-5", Boolean.parseBoolean(
        System.getProperty("credscope.it.sdkV2Apache5", "true")), true),
    NETTY("netty", "netty-nio-client", true, false);

    final String option;
    final String library;
    final boolean onThisLine;
    /** Whether the application's thread makes the exchange, and a hook around the call counts the SDK's retries. */
    final boolean onTheCallersThread;

    Client(String option, String library, boolean onThisLine, boolean onTheCallersThread) {
      this.option = option;
      this.library = library;
      this.onThisLine = onThisLine;
      this.onTheCallersThread = onTheCallersThread;
    }
  }

  @TempDir
  Path folder;

  static Stream<Arguments> scenarios() {
    List<Arguments> cases = new ArrayList<>();
    ScenarioIT.javas().forEach(java -> clients().forEach(client -> {
      cases.add(Arguments.of(client, Scenario.ROLE_ONLY, "instance-profile", java.get()[0]));
      cases.add(Arguments.of(client, Scenario.ENV_SHADOWS_ROLE, "environment", java.get()[0]));
    }));
    return cases.stream();
  }

  /** Three rounds of STS, S3 and DynamoDB: nine calls, each counted once, all signed with the winning key. */
  @ParameterizedTest(name = "{0}: {1} on {3}")
  @MethodSource("scenarios")
  void everySdkCallIsOneAwsCallThroughTheClientsLibrary(Client client, Scenario scenario, String source,
      String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(client, scenario, aws, java, "calls");
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(run.stdout().contains("SDK v2: AWS SDK for Java " + VERSION), "the release tested: " + run.stdout());

      List<JsonNode> resolutions = records(run, "credentials.resolved");
      assertEquals(1, resolutions.size(), run.auditText());
      JsonNode resolved = resolutions.get(0);
      assertEquals(source, resolved.get("source").asText(), resolved.toString());
      String key = KEYS.get(scenario).apply(aws).maskedKeyId();
      assertEquals(key, resolved.get("key").asText(), resolved.toString());

      // The first call of each kind is a record; the summary counts them all.
      List<JsonNode> calls = records(run, "aws.call");
      List<String> services = new ArrayList<>();
      for (JsonNode call : calls) {
        assertEquals(client.library, call.get("library").asText(), call.toString());
        assertEquals(key, call.get("key").asText(), call.toString());
        assertEquals(source, call.get("source").asText(), call.toString());
        assertEquals(resolved.get("provider").asText(), call.get("provider").asText(), call.toString());
        assertEquals("v2", call.get("sdk").asText(), call.toString());
        assertEquals("us-east-1", call.get("region").asText(), call.toString());
        if (client.onTheCallersThread) {
          assertTrue(call.get("caller").asText().startsWith("io.credscope.demo.app.SdkV2Workload.round("),
              call.toString());
        } else {
          assertTrue(call.path("caller").isMissingNode() || call.get("caller").isNull(), call.toString());
        }
        services.add(call.get("service").asText());
      }
      assertEquals(List.of("sts", "s3", "dynamodb"), services, "in the order the application calls them");
      List<String> counted = new ArrayList<>();
      records(run, "summary").get(0).get("calls").forEach(row -> counted.add(row.get("service").asText() + "/"
          + row.get("region").asText() + "/" + row.get("source").asText() + "/" + row.get("outcome").asText() + "/"
          + row.get("count").asInt()));
      assertEquals(Stream.of("dynamodb", "s3", "sts").map(service -> service + "/us-east-1/" + source + "/success/3")
          .collect(Collectors.toList()), counted.stream().sorted().collect(Collectors.toList()),
          "three rounds, each call counted once");
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  static Stream<Arguments> clientsOnEveryJdk() {
    List<Arguments> cases = new ArrayList<>();
    ScenarioIT.javas().forEach(java -> clients().forEach(client -> cases.add(Arguments.of(client, java.get()[0]))));
    return cases.stream();
  }

  /**
   * DynamoDB throttles twice and the SDK retries through it: the fake counts as many requests with credscope as
   * without, credscope retries nothing itself, and counts both throttles, and both retries as the SDK's where a hook
   * wraps the call.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("clientsOnEveryJdk")
  void theSdksOwnRetriesAreOnlyWatched(Client client, String java) throws Exception {
    int without;
    try (FakeAws aws = FakeAws.start()) {
      aws.dynamoDb().throttleNext(2);
      AppLaunch launch = launch(client, Scenario.ROLE_ONLY, aws, java, "without").calls(1).agent(null, null);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      without = aws.dynamoDb().requests();
      assertEquals(3, without, "the SDK's two retries");
    }
    try (FakeAws aws = FakeAws.start()) {
      aws.dynamoDb().throttleNext(2);
      AppLaunch launch = launch(client, Scenario.ROLE_ONLY, aws, java, "with").calls(1);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(without, aws.dynamoDb().requests(), "the SDK's attempts, no more and no fewer");
      assertTrue(records(run, "retry").isEmpty(), "credscope retried nothing: " + run.auditText());

      List<String> errors = records(run, "aws.error").stream()
          .map(error -> error.get("service").asText() + " " + error.get("operation").asText() + " "
              + error.get("code").asText() + " " + error.get("status").asInt() + " " + error.get("library").asText())
          .collect(Collectors.toList());
      assertEquals(List.of("dynamodb ListTables ThrottlingException 400 " + client.library), errors,
          run.auditText());
      JsonNode summary = records(run, "summary").get(0);
      List<String> throttles = new ArrayList<>();
      summary.get("throttles").forEach(row -> throttles.add(row.get("service").asText() + "/"
          + row.get("operation").asText() + "=" + row.get("count").asInt()));
      assertEquals(List.of("dynamodb/ListTables=2"), throttles, summary.toString());
      if (client.onTheCallersThread) {
        JsonNode row = RetryIT.retryRow(run, "dynamodb");
        assertEquals(0, row.get("retries").asInt(), row.toString());
        assertEquals(2, row.get("sdkRetries").asInt(), row.toString());
      } else {
        assertEquals(0, summary.path("retries").size(), summary.toString());
      }
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  static Stream<Arguments> javas() {
    return ScenarioIT.javas();
  }

  /** The oldest SDK line has no apache5-client: the application says so, and makes no call. */
  @ParameterizedTest
  @MethodSource("javas")
  @EnabledIfSystemProperty(named = "credscope.it.sdkV2Apache5", matches = "false")
  void apache5IsRefusedWhereTheSdkHasNone(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Client.APACHE5, Scenario.ROLE_ONLY, aws, java, "refused");
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(run.stderr().contains("--sdk-http apache5 needs software.amazon.awssdk.http.apache5."
          + "Apache5SdkHttpService, which AWS SDK for Java " + VERSION + " does not have"), run.stderr());
      assertTrue(records(run, "aws.call").isEmpty(), run.auditText());
      assertEquals(0, aws.sts().requests() + aws.s3().requests() + aws.dynamoDb().requests(), "no call was made");
    }
  }

  private static Stream<Client> clients() {
    return Stream.of(Client.values()).filter(client -> client.onThisLine);
  }

  private AppLaunch launch(Client client, Scenario scenario, FakeAws aws, String java, String name)
      throws Exception {
    Path work = folder.resolve(client.option + "-" + scenario.id() + "-" + name);
    return new AppLaunch(scenario, aws, work).java(java).classPath(ScenarioIT.DEMO_JAR.toString()).sdks("v2")
        .sdkHttp(client.option).agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl"));
  }

  private static List<JsonNode> records(ScenarioIT.Run run, String event) {
    return run.audit().stream().filter(record -> record.get("event").asText().equals(event))
        .collect(Collectors.toList());
  }
}
