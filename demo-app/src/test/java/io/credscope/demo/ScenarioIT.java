package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.demo.fakeaws.DemoKeys;
import io.credscope.demo.fakeaws.FakeAws;
import io.credscope.demo.fakeaws.FakeContainerCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: the demo's application JVM, started with {@code -javaagent} on the built agent jar,
 * against the demo's fakes, on every JDK the build names. Asserts on the audit log, and scans every
 * byte the JVM printed or wrote for the scenario's secrets.
 */
class ScenarioIT {

  static final Path AGENT_JAR = Path.of(System.getProperty("credscope.agent.jar"));
  static final Path DEMO_JAR = Path.of(System.getProperty("credscope.demo.jar"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean SDK_V2_IDENTITY_API =
      Boolean.parseBoolean(System.getProperty("credscope.it.sdkV2IdentityApi", "true"));
  /** Whether SDK v2 reads sso-session sections for credentials, which 2.18.12 introduced. */
  private static final boolean SDK_V2_SSO_SESSION =
      Boolean.parseBoolean(System.getProperty("credscope.it.sdkV2SsoSession", "true"));
  private static final List<String> SDKS = List.of("v2", "v1");
  private static final Map<String, String> CHAIN =
      Map.of("v2", "DefaultCredentialsProvider", "v1", "DefaultAWSCredentialsProviderChain");
  private static final Map<String, String> CALLER = Map.of(
      "v2", "io.credscope.demo.app.SdkV2Workload.round(SdkV2Workload.java)",
      "v1", "io.credscope.demo.app.SdkV1Workload.round(SdkV1Workload.java)");

  @TempDir
  Path folder;

  record Run(int exitCode, String stdout, String stderr, List<JsonNode> audit, String auditText) {
    String all() {
      return stdout + stderr + auditText;
    }
  }

  static Stream<Arguments> javas() {
    List<Arguments> javas = new ArrayList<>();
    javas.add(Arguments.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String extra = System.getProperty("credscope.it.extraJdk", "");
    if (!extra.isBlank()) {
      Path java = Path.of(extra, "bin", "java");
      if (!Files.isExecutable(java)) {
        throw new IllegalStateException("credscope.it.extraJdk names no JDK: " + extra);
      }
      javas.add(Arguments.of(java.toString()));
    }
    return javas.stream();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void roleOnly(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.ROLE_ONLY, aws, java);
      Run run = run(launch);

      for (String sdk : SDKS) {
        JsonNode resolved = onlyResolution(run, sdk);
        assertEquals("instance-profile", resolved.get("source").asText());
        assertEquals("InstanceProfileCredentialsProvider", resolved.get("provider").asText());
        assertEquals(aws.imds().roleKeys().maskedKeyId(), resolved.get("key").asText());
        assertEquals("temporary", resolved.get("keyType").asText());
        assertEquals(CHAIN.get(sdk), resolved.get("chain").asText());
        if (sdk.equals("v2") && SDK_V2_IDENTITY_API) {
          assertTrue(resolved.get("expiration").asText().matches("\\d{4}-.*Z"), "the role's expiry: " + resolved);
        }
        assertEquals(CALLER.get(sdk), resolved.get("caller").asText().replaceAll(":\\d+\\)$", ")"));
      }
      assertEquals(2, run.stdout().split("is " + FakeAws.INSTANCE_ROLE_ARN, -1).length - 1, run.stdout());
      assertCommon(run, launch);
    }
  }

  /**
   * The fakes throttle in each service's real shape, and both SDKs retry through it: the HTTP hooks classify every
   * throttling response on the wire, and count it per service and operation, as the SDK names it.
   */
  @ParameterizedTest
  @MethodSource("javas")
  void throttlingOnTheWireIsCountedPerServiceAndOperation(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      aws.dynamoDb().throttleNext(2);
      aws.sts().throttleNext(1);
      aws.s3().throttleNext(1);
      AppLaunch launch = launch(Scenario.ROLE_ONLY, aws, java);
      Run run = run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(2, run.stdout().split("is " + FakeAws.INSTANCE_ROLE_ARN, -1).length - 1,
          "both SDKs got their answers after the throttling: " + run.stdout());

      List<String> errors = run.audit().stream().filter(record -> record.get("event").asText().equals("aws.error"))
          .map(record -> record.get("service").asText() + " " + record.get("operation").asText() + " "
              + record.get("code").asText() + " " + record.get("status").asInt() + " "
              + record.get("throttling").asBoolean() + " " + record.get("library").asText())
          .sorted().collect(Collectors.toList());
      // STS's Query call sends its Action in a form body and S3's REST call names it nowhere: the SDK call's name.
      assertEquals(List.of("dynamodb ListTables ThrottlingException 400 true apache-httpclient-4",
          "s3 ListBuckets SlowDown 503 true apache-httpclient-4",
          "sts GetCallerIdentity Throttling 400 true apache-httpclient-4"), errors, run.auditText());
      JsonNode summary = run.audit().get(run.audit().size() - 1);
      List<String> throttles = new ArrayList<>();
      summary.get("throttles").forEach(row -> throttles.add(row.get("service").asText() + "/"
          + row.get("operation").asText() + "=" + row.get("count").asInt()));
      assertEquals(List.of("dynamodb/ListTables=2", "s3/ListBuckets=1", "sts/GetCallerIdentity=1"), throttles,
          summary.toString());
      assertTrue(run.stderr().contains("[credscope] WARN  AWS throttled dynamodb ListTables: ThrottlingException "
          + "(HTTP 400)"), run.stderr());
      assertNoSecret(run, launch);
    }
  }

  @ParameterizedTest
  @MethodSource("javas")
  void envShadowsRole(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.ENV_SHADOWS_ROLE, aws, java);
      Run run = run(launch);

      for (String sdk : SDKS) {
        JsonNode resolved = onlyResolution(run, sdk);
        assertEquals("environment", resolved.get("source").asText());
        assertEquals("EnvironmentVariableCredentialsProvider", resolved.get("provider").asText());
        assertEquals("long-term", resolved.get("keyType").asText());
        assertEquals(CHAIN.get(sdk), resolved.get("chain").asText());
        assertEquals(CALLER.get(sdk), resolved.get("caller").asText().replaceAll(":\\d+\\)$", ")"));
        String key = resolved.get("key").asText();
        assertTrue(key.startsWith("AKIA\u2026") && !key.equals(aws.imds().roleKeys().maskedKeyId()), key);
        // v2 tries system properties before the environment; v1 tries the environment first.
        assertEquals(sdk.equals("v2") ? 1 : 0, resolved.path("skipped").size(), resolved.toString());
      }
      assertEquals(2, run.stdout().split("user/stale-deploy-user", -1).length - 1,
          "the stale key really won, in both SDKs: " + run.stdout());
      assertCommon(run, launch);
    }
  }

  /**
   * The container credentials endpoint's path is a capability: whoever reaches the endpoint with it gets the task's
   * credentials. The finding that keys shadow the task role names the endpoint by its host and its setting; the
   * path is nowhere on stderr or in the audit log, of this scenario or of one whose credentials come from there.
   */
  @ParameterizedTest
  @MethodSource("javas")
  void theContainerCredentialsPathIsNeverShown(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      for (Scenario scenario : List.of(Scenario.SYSPROPS_SHADOW_CONTAINER, Scenario.CONTAINER)) {
        AppLaunch launch = launch(scenario, aws, java);
        Run run = run(launch);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertNoContainerPath(run);
        if (scenario == Scenario.SYSPROPS_SHADOW_CONTAINER) {
          List<JsonNode> shadows = run.audit().stream()
              .filter(record -> record.path("id").asText().equals("KEYS_SHADOW_ROLE")).collect(Collectors.toList());
          assertEquals(2, shadows.size(), run.auditText());
          String endpoint = "http://127.0.0.1:" + aws.container().endpoint().getPort()
              + " (AWS_CONTAINER_CREDENTIALS_FULL_URI)";
          for (JsonNode shadow : shadows) {
            assertEquals(endpoint, shadow.get("role").asText(), shadow.toString());
          }
          assertTrue(run.stderr().contains("the container role at " + endpoint), run.stderr());
        }
        assertNoSecret(run, launch);
      }
    }
  }

  static void assertNoContainerPath(Run run) {
    for (String path : List.of(FakeContainerCredentials.PATH, FakeContainerCredentials.OPEN_PATH)) {
      assertFalse(run.stderr().contains(path), "the container credentials path is on stderr: " + run.stderr());
      assertFalse(run.auditText().contains(path), "the container credentials path is in the audit log: "
          + run.auditText());
    }
  }

  /**
   * What one SDK must report in one scenario; {@code user} names the fake's key, or a role;
   * {@code profile} is "name/kind" for profile sources.
   */
  record Expected(String sdk, String source, String provider, String user, String chain, String profile) {
    Expected(String sdk, String source, String provider, String user, String chain) {
      this(sdk, source, provider, user, chain, null);
    }
  }

  static Stream<Arguments> attribution() {
    Map<Scenario, List<Expected>> table = new java.util.LinkedHashMap<>();
    table.put(Scenario.SYSPROPS_AND_ENV, List.of(
        new Expected("v2", "system-properties", "SystemPropertyCredentialsProvider", "sysprops-user", CHAIN.get("v2")),
        new Expected("v1", "environment", "EnvironmentVariableCredentialsProvider", "env-user", CHAIN.get("v1"))));
    table.put(Scenario.PROFILE_STATIC, List.of(
        new Expected("v2", "profile", "ProfileCredentialsProvider", "profile-user", CHAIN.get("v2"), "default/static"),
        new Expected("v1", "profile", "ProfileCredentialsProvider", "profile-user", CHAIN.get("v1"), "default/static")));
    table.put(Scenario.NAMED_PROFILE, List.of(
        new Expected("v2", "profile", "ProfileCredentialsProvider", "staging-user", CHAIN.get("v2"), "staging/static"),
        new Expected("v1", "profile", "ProfileCredentialsProvider", "staging-user", CHAIN.get("v1"), "staging/static")));
    table.put(Scenario.PROCESS_PROFILE, List.of(
        new Expected("v2", "profile", "ProfileCredentialsProvider", Scenario.PROCESS_ROLE, CHAIN.get("v2"),
            "default/process"),
        new Expected("v1", "profile", "ProfileCredentialsProvider", Scenario.PROCESS_ROLE, CHAIN.get("v1"),
            "default/process")));
    for (Scenario container : List.of(Scenario.CONTAINER, Scenario.CONTAINER_NO_TOKEN)) {
      table.put(container, List.of(
          new Expected("v2", "container", "ContainerCredentialsProvider", "task-role", CHAIN.get("v2")),
          new Expected("v1", "container", "ContainerCredentialsProvider", "task-role", CHAIN.get("v1"))));
    }
    table.put(Scenario.STATIC_IN_CODE, List.of(
        new Expected("v2", "static", "StaticCredentialsProvider", "app-config-user", null),
        new Expected("v1", "static", "AWSStaticCredentialsProvider", "app-config-user", null)));
    // Seen where each client asks its provider: v2's resolveIdentity (2.21+) or request set-up (before), v1's
    // request executor.
    table.put(Scenario.CUSTOM_PROVIDER, List.of(
        new Expected("v2", "custom", "VaultCredentialsProvider", "vault-user", null),
        new Expected("v1", "custom", "VaultCredentialsProviderV1", "vault-user", null)));
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<Scenario, List<Expected>> entry : table.entrySet()) {
      javas().forEach(java -> cases.add(Arguments.of(entry.getKey(), entry.getValue(), java.get()[0])));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("attribution")
  void attributesEverySource(Scenario scenario, List<Expected> expectations, String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(scenario, aws, java);
      Run run = run(launch);
      for (Expected expected : expectations) {
        JsonNode resolved = onlyResolution(run, expected.sdk());
        assertEquals(expected.source(), resolved.get("source").asText(), resolved.toString());
        assertEquals(expected.provider(), resolved.get("provider").asText(), resolved.toString());
        String key = expected.user().equals("task-role")
            ? aws.container().roleKeys().maskedKeyId() : aws.userKey(expected.user()).maskedKeyId();
        assertEquals(key, resolved.get("key").asText(), resolved.toString());
        assertEquals(expected.chain(), resolved.has("chain") ? resolved.get("chain").asText() : null);
        if (expected.profile() != null) {
          JsonNode profile = resolved.get("profile");
          assertEquals(expected.profile(), profile.get("name").asText() + "/" + profile.get("kind").asText());
          assertEquals(List.of(launch.workDirectory().resolve("aws-credentials").toString()),
              List.of(profile.get("files").get(0).asText()), "the file the keys came from: " + profile);
        }
        String identity = expected.user().equals("task-role") ? "assumed-role/demo-task-role" : "/" + expected.user();
        assertTrue(run.stdout().contains("SDK " + expected.sdk() + ": sts:GetCallerIdentity says this application is "
            + "arn:aws:") && run.stdout().contains(identity), "STS agrees on who signed: " + run.stdout());
      }
      assertCommon(run, launch);
    }
  }

  /**
   * What one SDK must report when its credentials are sessions a fake issues on request;
   * {@code profile} is "name/kind/file" for profile sources, else {@code null}.
   */
  record Session(String sdk, String source, String provider, String profile) {
  }

  /** Who issues a scenario's sessions, the identity STS then says the application has, and each SDK's record. */
  record SessionScenario(Function<FakeAws, List<DemoKeys>> issuer, String identity, List<Session> sessions) {
  }

  private static final SessionScenario SSO = new SessionScenario(aws -> aws.sso().issuedKeys(),
      "assumed-role/AWSReservedSSO_" + Scenario.SSO_ROLE + "_",
      List.of(new Session("v2", "profile", "ProfileCredentialsProvider", "developer/sso/aws-config")));

  static Stream<Arguments> sessions() {
    Map<Scenario, SessionScenario> table = new java.util.LinkedHashMap<>();
    table.put(Scenario.WEB_IDENTITY, new SessionScenario(aws -> aws.sts().issuedKeys(),
        "assumed-role/" + Scenario.WEB_IDENTITY_ROLE + "/", List.of(
            new Session("v2", "web-identity", "WebIdentityTokenFileCredentialsProvider", null),
            new Session("v1", "web-identity", "WebIdentityTokenCredentialsProvider", null))));
    table.put(Scenario.ASSUME_ROLE_PROFILE, new SessionScenario(aws -> aws.sts().issuedKeys(),
        "assumed-role/" + Scenario.PRODUCTION_ROLE + "/", List.of(
            new Session("v2", "profile", "ProfileCredentialsProvider", "production/assume-role/aws-credentials"),
            new Session("v1", "profile", "ProfileCredentialsProvider", "production/assume-role/aws-credentials"))));
    table.put(Scenario.SSO_LEGACY_PROFILE, SSO);
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<Scenario, SessionScenario> entry : table.entrySet()) {
      javas().forEach(java -> cases.add(Arguments.of(entry.getKey(), entry.getValue(), java.get()[0])));
    }
    return cases.stream();
  }

  /**
   * Roles, web identity and SSO, through the SDKs' own STS and SSO clients, which reach the fakes
   * by the AWS host names through the proxy. Each chain asks for its own session: SDK v2 builds a
   * chain per client, so each client has its own session; SDK v1's clients share one chain. Every
   * session the fake issued is reported once, and nothing else (not the keys of a role's source
   * profile, nor the anonymous credentials of the STS or SSO client inside).
   */
  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("sessions")
  void attributesSessionsToWhatTheApplicationConfigured(Scenario scenario, SessionScenario expected, String java)
      throws Exception {
    assertSessions(scenario, expected, java);
  }

  /**
   * SDK v2 reads sso-session sections for credentials from 2.18.12 on: there the profile gives SSO
   * sessions. Before, it gives nothing, and the failure record says what the SDK missed in it.
   */
  @ParameterizedTest
  @MethodSource("javas")
  void ssoSessionProfile(String java) throws Exception {
    if (SDK_V2_SSO_SESSION) {
      assertSessions(Scenario.SSO_PROFILE, SSO, java);
      return;
    }
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.SSO_PROFILE, aws, java);
      Run run = run(launch);
      assertEquals(1, run.exitCode(), "the application's calls fail: " + run.stdout() + run.stderr());
      assertEquals(List.of(
          "system-properties SystemPropertyCredentialsProvider: aws.accessKeyId not set",
          "environment EnvironmentVariableCredentialsProvider: AWS_ACCESS_KEY_ID not set",
          "web-identity WebIdentityTokenFileCredentialsProvider: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set",
          "profile ProfileCredentialsProvider: Profile property 'sso_region' was not configured for 'developer'",
          "container ContainerCredentialsProvider: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
              + "AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
          "instance-profile InstanceProfileCredentialsProvider: AWS_EC2_METADATA_DISABLED=true"),
          failedProviders(run, "v2", "DefaultCredentialsProvider"));
      assertTrue(aws.sso().issuedKeys().isEmpty());
      assertNoSecret(run, launch);
    }
  }

  private void assertSessions(Scenario scenario, SessionScenario expected, String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(scenario, aws, java);
      Run run = run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      List<JsonNode> resolutions = run.audit().stream()
          .filter(record -> record.get("event").asText().equals("credentials.resolved")).collect(Collectors.toList());
      assertEquals(expected.issuer().apply(aws).stream().map(DemoKeys::maskedKeyId).sorted()
          .collect(Collectors.toList()), resolutions.stream().map(record -> record.get("key").asText()).sorted()
          .collect(Collectors.toList()), run.auditText());
      for (Session session : expected.sessions()) {
        List<JsonNode> records = resolutions.stream()
            .filter(record -> record.get("sdk").asText().equals(session.sdk())).collect(Collectors.toList());
        assertFalse(records.isEmpty(), "SDK " + session.sdk() + " reported its session: " + run.auditText());
        for (JsonNode resolved : records) {
          assertEquals(session.source(), resolved.get("source").asText(), resolved.toString());
          assertEquals(session.provider(), resolved.get("provider").asText(), resolved.toString());
          assertEquals("temporary", resolved.get("keyType").asText(), resolved.toString());
          assertEquals(CHAIN.get(session.sdk()), resolved.get("chain").asText(), resolved.toString());
          assertEquals(CALLER.get(session.sdk()), resolved.get("caller").asText().replaceAll(":\\d+\\)$", ")"));
          if (session.profile() != null) {
            assertProfile(session.profile(), resolved.get("profile"), run, launch);
          }
        }
        assertTrue(run.stdout().contains("SDK " + session.sdk() + ": sts:GetCallerIdentity says this application is "
            + "arn:aws:sts::123456789012:" + expected.identity()), "STS agrees on who signed: " + run.stdout());
      }
      assertCommon(run, launch);
    }
  }

  /** "name/kind/file" as the record says it; a role also names itself and its source profile, in both sinks. */
  private static void assertProfile(String expected, JsonNode profile, Run run, AppLaunch launch) {
    String[] parts = expected.split("/");
    assertEquals(parts[0] + "/" + parts[1], profile.get("name").asText() + "/" + profile.get("kind").asText());
    assertEquals(List.of(launch.workDirectory().resolve(parts[2]).toString()),
        List.of(profile.get("files").get(0).asText()), "the file that set the profile up: " + profile);
    if (parts[1].equals("assume-role")) {
      assertEquals("arn:aws:iam::123456789012:role/" + Scenario.PRODUCTION_ROLE, profile.get("roleArn").asText());
      assertEquals("default", profile.get("sourceProfile").asText());
      assertTrue(run.stderr().contains("profile 'production' (assume-role " + Scenario.PRODUCTION_ROLE
          + " via source_profile=default"), run.stderr());
    }
  }

  /**
   * Web identity is set up, but the network refuses connections to STS, and nothing else is: each
   * chain's failure record names web identity and why it had nothing.
   */
  @ParameterizedTest
  @MethodSource("javas")
  void webIdentityWithStsUnreachable(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.WEB_IDENTITY_STS_UNREACHABLE, aws, java);
      Run run = run(launch);

      assertEquals(1, run.exitCode(), "the application's calls fail: " + run.stdout() + run.stderr());
      assertEveryProviderFailed(run, "STS refused the connection");
      assertTrue(run.stderr().contains("[credscope] ERROR   3. web-identity (WebIdentityTokenFileCredentialsProvider): "
          + "STS refused the connection"), run.stderr());
      assertTrue(aws.sts().issuedKeys().isEmpty());
      assertNoSecret(run, launch);
    }
  }

  @ParameterizedTest
  @MethodSource("javas")
  void nothingConfigured(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.NOTHING_CONFIGURED, aws, java);
      Run run = run(launch);

      assertEquals(1, run.exitCode(), "the application's calls fail: " + run.stdout() + run.stderr());
      assertEveryProviderFailed(run, "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set");
      assertTrue(run.stderr().contains("[credscope] ERROR AWS SDK v2 found no credentials: DefaultCredentialsProvider "
          + "tried 6 providers"), run.stderr());
      assertTrue(run.stderr().contains("[credscope] ERROR   6. instance-profile (InstanceProfileCredentialsProvider): "
          + "AWS_EC2_METADATA_DISABLED=true"), run.stderr());
      assertTrue(run.audit().stream().noneMatch(record -> record.get("event").asText().equals("credentials.resolved")));
      assertNoSecret(run, launch);
    }
  }

  /** The failed chain's providers as "source Provider: reason", in the order the chain tried them. */
  private static List<String> failedProviders(Run run, String sdk, String chain) {
    List<JsonNode> failures = run.audit().stream()
        .filter(record -> record.get("event").asText().equals("credentials.failed"))
        .filter(record -> record.get("sdk").asText().equals(sdk)).collect(Collectors.toList());
    assertEquals(1, failures.size(), run.auditText());
    JsonNode failed = failures.get(0);
    assertEquals(chain, failed.get("chain").asText());
    assertTrue(failed.get("caller").asText().startsWith("io.credscope.demo.app.Sdk"), failed.toString());
    List<String> providers = new ArrayList<>();
    for (JsonNode provider : failed.get("providers")) {
      providers.add(provider.get("source").asText() + " " + provider.get("provider").asText() + ": "
          + provider.get("reason").asText());
    }
    return providers;
  }

  private AppLaunch launch(Scenario scenario, FakeAws aws, String java) throws IOException {
    Path work = folder.resolve(scenario.id());
    return new AppLaunch(scenario, aws, work).java(java).classPath(DEMO_JAR.toString()).sdks(scenario.sdks())
        .agent(AGENT_JAR, "audit=" + work.resolve("audit.jsonl"));
  }

  /**
   * Every provider of both default chains failed, each with its reason, in chain order; only web
   * identity's reason differs between the hosts that have nothing.
   */
  private static void assertEveryProviderFailed(Run run, String webIdentityReason) {
    assertEquals(List.of(
        "system-properties SystemPropertyCredentialsProvider: aws.accessKeyId not set",
        "environment EnvironmentVariableCredentialsProvider: AWS_ACCESS_KEY_ID not set",
        "web-identity WebIdentityTokenFileCredentialsProvider: " + webIdentityReason,
        "profile ProfileCredentialsProvider: profile 'default' not found in the config or credentials file",
        "container ContainerCredentialsProvider: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
            + "AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        "instance-profile InstanceProfileCredentialsProvider: AWS_EC2_METADATA_DISABLED=true"),
        failedProviders(run, "v2", "DefaultCredentialsProvider"));
    assertEquals(List.of(
        "environment EnvironmentVariableCredentialsProvider: AWS_ACCESS_KEY_ID not set",
        "system-properties SystemPropertiesCredentialsProvider: aws.accessKeyId not set",
        "web-identity WebIdentityTokenCredentialsProvider: " + webIdentityReason,
        "profile ProfileCredentialsProvider: profile 'default' not found in the config or credentials file",
        "instance-profile InstanceProfileCredentialsProvider: AWS_EC2_METADATA_DISABLED=true"),
        failedProviders(run, "v1", "DefaultAWSCredentialsProviderChain"));
  }

  static Run run(AppLaunch launch) throws Exception {
    Path out = launch.workDirectory().resolve("stdout.txt");
    Path err = launch.workDirectory().resolve("stderr.txt");
    Process process = launch.processBuilder().redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return finish(launch, process);
  }

  /** Waits for the application started with its output in the work folder, and reads what it left there. */
  static Run finish(AppLaunch launch, Process process) throws Exception {
    Path out = launch.workDirectory().resolve("stdout.txt");
    Path err = launch.workDirectory().resolve("stderr.txt");
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not finish: " + launch.command());
    }
    Path auditFile = launch.workDirectory().resolve("audit.jsonl");
    String auditText = Files.exists(auditFile) ? Files.readString(auditFile, StandardCharsets.UTF_8) : "";
    List<JsonNode> audit = new ArrayList<>();
    for (String line : auditText.lines().collect(Collectors.toList())) {
      JsonNode record = JSON.readTree(line);
      AuditSchema.check(record);
      audit.add(record);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), audit, auditText);
  }

  private static JsonNode onlyResolution(Run run, String sdk) {
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    List<JsonNode> resolutions = run.audit().stream()
        .filter(record -> record.get("event").asText().equals("credentials.resolved"))
        .filter(record -> record.get("sdk").asText().equals(sdk)).collect(Collectors.toList());
    assertEquals(1, resolutions.size(), run.auditText());
    return resolutions.get(0);
  }

  /** What every scenario must show, whatever won. */
  private static void assertCommon(Run run, AppLaunch launch) {
    List<String> sdks = List.of(launch.scenario().sdks().split(","));
    for (String sdk : sdks) {
      // The application really ran the SDK versions this build is testing, not a stale class path.
      assertTrue(run.stdout().contains("SDK " + sdk + ": AWS SDK for Java "
          + System.getProperty("credscope.it.awssdk." + sdk + ".version")), run.stdout());
    }
    for (JsonNode record : run.audit()) {
      if (record.get("event").asText().equals("credentials.resolved") && record.get("sdk").asText().equals("v2")
          && SDK_V2_IDENTITY_API && !record.get("source").asText().equals("custom")) {
        // The SDK's own providers name their source themselves, from 2.21 on; credscope must agree.
        // An application's own credentials carry no such name.
        assertEquals(record.get("source").asText(), record.path("sdkSource").asText(), record.toString());
      }
    }
    for (JsonNode record : run.audit()) {
      assertEquals(1, record.get("v").asInt());
      assertTrue(record.has("ts") && record.has("pid") && record.has("event"), record.toString());
    }
    assertAwsCallsMatchResolutions(run);
    JsonNode summary = run.audit().get(run.audit().size() - 1);
    assertEquals("summary", summary.get("event").asText());
    for (String sdk : sdks) {
      // SDK v2 resolves once per call; SDK v1 more often. Either way every one of the 9 calls did, whether
      // one key served them all or each client had its own session.
      int count = 0;
      for (JsonNode row : summary.get("resolutions")) {
        count += row.get("sdk").asText().equals(sdk) ? row.get("count").asInt() : 0;
      }
      assertTrue(sdk.equals("v2") ? count == 9 : count >= 9, "3 rounds of 3 clients in SDK " + sdk + ": " + summary);
    }


    // The application's own Logback 1.5 and logback.xml are in charge of its lines; credscope's go to stderr.
    assertTrue(run.stdout().contains("demo | application logging through logback-classic-1.5."), run.stdout());
    assertTrue(run.stdout().lines().allMatch(line -> line.startsWith("demo | ")), run.stdout());
    assertTrue(run.stderr().lines().allMatch(line -> line.startsWith("[credscope] ")), run.stderr());
    assertFalse(run.all().contains("SLF4J"), "no SLF4J binding warnings: " + run.all());

    assertNoSecret(run, launch);
  }

  /**
   * The HTTP hooks see what the credentials hooks attributed: every resolved key signs calls, all from its
   * resolved source, in us-east-1, through the Apache 4 client both SDKs use here; each SDK's resolved keys
   * reach STS, S3 and DynamoDB between them (a client that builds its own chain, as for web identity, has a key of
   * its own). A key no provider returned to the application can only be the one an SDK signs its own role
   * exchange with, at STS: the source profile's keys of an assume-role profile.
   */
  private static void assertAwsCallsMatchResolutions(Run run) {
    List<JsonNode> calls = run.audit().stream().filter(record -> record.get("event").asText().equals("aws.call"))
        .collect(Collectors.toList());
    Map<String, String> sourceByKey = new HashMap<>();
    Map<String, Set<String>> servicesBySdk = new TreeMap<>();
    for (JsonNode resolved : run.audit()) {
      if (!resolved.get("event").asText().equals("credentials.resolved")) {
        continue;
      }
      String key = resolved.get("key").asText();
      sourceByKey.put(key, resolved.get("source").asText());
      List<JsonNode> signed = calls.stream().filter(call -> call.get("key").asText().equals(key))
          .collect(Collectors.toList());
      assertFalse(signed.isEmpty(), "no aws.call signed with " + key + ": " + calls);
      for (JsonNode call : signed) {
        assertEquals(resolved.get("source").asText(), call.get("source").asText(), call.toString());
        assertEquals("us-east-1", call.get("region").asText(), call.toString());
        assertEquals("apache-httpclient-4", call.get("library").asText(), call.toString());
        servicesBySdk.computeIfAbsent(resolved.get("sdk").asText(), sdk -> new TreeSet<>())
            .add(call.get("service").asText());
      }
    }
    for (Map.Entry<String, Set<String>> sdk : servicesBySdk.entrySet()) {
      assertEquals(Set.of("dynamodb", "s3", "sts"), sdk.getValue(), "SDK " + sdk.getKey() + ": " + calls);
    }
    for (JsonNode call : calls) {
      if (!sourceByKey.containsKey(call.get("key").asText())) {
        assertEquals("sts", call.get("service").asText(), call.toString());
        assertEquals("unknown", call.get("source").asText(), call.toString());
      }
    }
  }

  static void assertNoSecret(Run run, AppLaunch launch) {
    for (String secret : launch.secretValues()) {
      assertFalse(run.all().contains(secret), "a secret key or session token leaked");
    }
  }
}
