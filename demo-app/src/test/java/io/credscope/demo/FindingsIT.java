package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credscope.demo.fakeaws.FakeAws;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wrong-credentials detector end to end: each scenario yields exactly its findings, as
 * "id/severity/sdk", and the clean ones none at all. Runs every SDK the scenario works with in one
 * application JVM.
 */
class FindingsIT {

  @TempDir
  Path folder;

  private static final List<String> HARDCODED_LITERAL =
      both("HARDCODED_KEY/critical", "KEYS_SHADOW_ROLE/high", "LONG_TERM_KEY_WITH_ROLE/medium");

  static Stream<Arguments> findings() {
    Map<Scenario, List<String>> table = new java.util.LinkedHashMap<>();
    table.put(Scenario.ENV_SHADOWS_ROLE, both("KEYS_SHADOW_ROLE/high", "LONG_TERM_KEY_WITH_ROLE/medium"));
    table.put(Scenario.SYSPROPS_SHADOW_CONTAINER, both("KEYS_SHADOW_ROLE/high", "LONG_TERM_KEY_WITH_ROLE/medium"));
    table.put(Scenario.PROFILE_SHADOWS_WEB_IDENTITY, both("KEYS_SHADOW_ROLE/high", "LONG_TERM_KEY_WITH_ROLE/medium"));
    table.put(Scenario.HARDCODED_LITERAL, HARDCODED_LITERAL);
    table.put(Scenario.STATIC_IN_CODE,
        both("HARDCODED_KEY/high", "KEYS_SHADOW_ROLE/high", "LONG_TERM_KEY_WITH_ROLE/medium"));
    List<String> twoKeys = new ArrayList<>(both("HARDCODED_KEY/high"));
    twoKeys.add("MULTIPLE_IDENTITIES/info/v2");
    table.put(Scenario.TWO_KEYS, twoKeys);
    table.put(Scenario.WORLD_READABLE_CREDENTIALS, both("CREDENTIALS_FILE_READABLE/medium"));
    // The application's own metadata client, not an SDK: the finding names no SDK.
    table.put(Scenario.IMDSV1, List.of("IMDSV1_CALL/high"));
    table.put(Scenario.WEB_IDENTITY_TOKEN_UNREADABLE, both("CONFIGURED_SOURCE_FAILED/high"));
    table.put(Scenario.V1_CREDENTIAL_SOURCE, List.of("PROFILE_SETTING_IGNORED/medium/v1"));
    // The clean cases: never cry wolf. Sessions from one source are one identity, however many clients hold one.
    for (Scenario clean : List.of(Scenario.ROLE_ONLY, Scenario.CONTAINER, Scenario.LAPTOP_PROFILE,
        Scenario.WEB_IDENTITY, Scenario.ASSUME_ROLE_PROFILE, Scenario.SSO_LEGACY_PROFILE)) {
      table.put(clean, List.of());
    }
    return table.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  private static List<String> both(String... findings) {
    List<String> expected = new ArrayList<>();
    for (String sdk : List.of("v1", "v2")) {
      Arrays.stream(findings).map(finding -> finding + "/" + sdk).forEach(expected::add);
    }
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void eachScenarioYieldsExactlyItsFindings(Scenario scenario, List<String> expected) throws Exception {
    assertFindings(scenario, expected, null);
  }

  /**
   * An IMDS that accepts and never answers holds no exit: the probes for both SDKs' winners, which would wait a
   * minute for it, are reported unfinished instead, and nothing else is raised.
   */
  @Test
  void aProbeStillWaitingOnImdsAtExitIsReportedNotWaitedFor() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.LAPTOP_ENV_KEYS, aws, true);
      launch.agent(ScenarioIT.AGENT_JAR, "audit=" + launch.workDirectory().resolve("audit.jsonl")
          + ",probeTimeout=60s");
      long started = System.nanoTime();
      ScenarioIT.Run run = ScenarioIT.run(launch);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(tookMillis < 30_000, "the exit did not wait for the probe's minute: " + tookMillis + " ms");
      List<String> raised = run.audit().stream().filter(record -> record.get("event").asText().equals("finding"))
          .map(record -> record.get("id").asText() + "/" + record.get("severity").asText() + "/"
              + record.get("sdk").asText() + "/" + record.get("waitedMillis").asText())
          .sorted().collect(Collectors.toList());
      assertEquals(List.of("HOST_PROBE_UNFINISHED/info/v1/100", "HOST_PROBE_UNFINISHED/info/v2/100"), raised,
          run.auditText());
    }
  }

  /**
   * What depends on the JVM, on the newest too: the literal proven from the class file's constant
   * pool, the caller found by a stack walk, the role found by the probe thread.
   */
  @ParameterizedTest
  @MethodSource("io.credscope.demo.ScenarioIT#javas")
  void aHardcodedLiteralOnEveryJdk(String java) throws Exception {
    assertFindings(Scenario.HARDCODED_LITERAL, HARDCODED_LITERAL, java);
  }

  private void assertFindings(Scenario scenario, List<String> expected, String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(scenario, aws, true);
      if (java != null) {
        launch.java(java);
      }
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      Set<String> raised = new TreeSet<>();
      Set<String> verified = new TreeSet<>();
      for (JsonNode record : run.audit()) {
        if (record.get("event").asText().equals("finding")) {
          String id = record.get("id").asText() + "/" + record.get("severity").asText()
              + (record.has("sdk") ? "/" + record.get("sdk").asText() : "");
          // A hard-coded key that signs a call AWS accepts is reported verified: at once, or as an update.
          boolean proven = record.path("verified").asText().equals("true");
          assertTrue((proven ? verified : raised).add(id), "once per distinct evidence: " + run.auditText());
          assertFalse(record.get("remedy").asText().isEmpty(), record.toString());
          assertTrue(run.stderr().contains("[credscope] WARN  " + record.get("id").asText() + " ("), run.stderr());
        }
      }
      Set<String> all = new TreeSet<>(raised);
      all.addAll(verified);
      assertEquals(new TreeSet<>(expected), all, run.auditText());
      assertEquals(all.stream().filter(id -> id.startsWith("HARDCODED_KEY/")).collect(Collectors.toSet()), verified,
          "each hard-coded key signed calls the fakes accepted: " + run.auditText());
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  /**
   * A denied call names the IAM action it needed, the key and the line of code: once, although the key calls
   * again. The raw client exits 3 for the call that got an HTTP error.
   */
  @Test
  void aDeniedCallIsAMissingPermissionWithItsIamAction() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(Scenario.ACCESS_DENIED, aws, true);
      ScenarioIT.Run run = ScenarioIT.run(launch);
      assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
      List<JsonNode> findings = run.audit().stream().filter(record -> record.path("event").asText().equals("finding"))
          .collect(Collectors.toList());
      assertEquals(List.of("MISSING_PERMISSION"), findings.stream().map(record -> record.get("id").asText())
          .collect(Collectors.toList()), run.auditText());
      JsonNode finding = findings.get(0);
      assertEquals("medium", finding.get("severity").asText());
      assertEquals("dynamodb:ListTables", finding.get("action").asText());
      assertEquals("true", finding.get("mapped").asText());
      assertEquals("AccessDeniedException", finding.get("code").asText());
      assertTrue(finding.get("location").asText().startsWith("io.credscope.demo.app."), finding.toString());
      assertTrue(finding.get("key").asText().contains("\u2026"), "masked: " + finding);
      assertTrue(run.stderr().contains("[credscope] WARN  MISSING_PERMISSION"), run.stderr());
      ScenarioIT.assertNoSecret(run, launch);
    }
  }

  /** The IMDSv1 read is told with the line of code that made it and the client it used. */
  @Test
  void theImdsV1FindingNamesTheCodeAndTheClient() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      ScenarioIT.Run run = ScenarioIT.run(launch(Scenario.IMDSV1, aws, true));
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      JsonNode finding = run.audit().stream().filter(record -> record.path("id").asText().equals("IMDSV1_CALL"))
          .findFirst().orElseThrow();
      assertTrue(finding.get("location").asText().startsWith(
          "io.credscope.demo.app.LegacyMetadata.instanceId(LegacyMetadata.java:"), finding.toString());
      assertEquals("HttpURLConnection", finding.get("library").asText());
      assertEquals(1, aws.imds().tokenlessReads(), "the legacy client's read, and no SDK's");
      JsonNode imds = run.audit().get(run.audit().size() - 1).get("imds");
      assertEquals(1, imds.get("v1Reads").asInt(), imds.toString());
      assertTrue(imds.get("v2Reads").asInt() > 0, "the SDKs read with a token: " + imds);
    }
  }

  /** The SDKs' own metadata traffic is IMDSv2: counted, never flagged. */
  @Test
  void imdsV2OnlyScenariosHaveNoImdsV1Finding() throws Exception {
    for (Scenario scenario : List.of(Scenario.ROLE_ONLY, Scenario.ENV_SHADOWS_ROLE)) {
      try (FakeAws aws = FakeAws.start()) {
        ScenarioIT.Run run = ScenarioIT.run(launch(scenario, aws, true));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.audit().stream().noneMatch(record -> record.path("id").asText().startsWith("IMDSV1")),
            run.auditText());
        assertEquals(0, aws.imds().tokenlessReads(), scenario.id());
        JsonNode imds = run.audit().get(run.audit().size() - 1).path("imds");
        assertEquals(0, imds.path("v1Reads").asInt(), imds.toString());
        if (scenario == Scenario.ROLE_ONLY) {
          assertTrue(imds.path("tokenRequests").asInt() > 0 && imds.path("v2Reads").asInt() > 0, imds.toString());
        }
      }
    }
  }

  @Test
  void theShadowFindingNamesTheRoleAndTheExactRemedy() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      ScenarioIT.Run run = ScenarioIT.run(launch(Scenario.ENV_SHADOWS_ROLE, aws, true));
      JsonNode finding = run.audit().stream().filter(record -> record.path("id").asText().equals("KEYS_SHADOW_ROLE"))
          .findFirst().orElseThrow();
      assertEquals("demo-instance-role", finding.get("role").asText());
      // Who the role's sessions sign as, from IMDS iam/info with the probe's token.
      assertEquals(io.credscope.demo.fakeaws.FakeImds.INSTANCE_PROFILE_ARN,
          finding.get("instanceProfileArn").asText());
      assertEquals("environment", finding.get("source").asText());
      // The account the key encodes, decoded without a request: the one the fake STS says the key belongs to.
      assertEquals(io.credscope.demo.fakeaws.Identities.ACCOUNT, finding.get("account").asText());
      assertEquals("unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to use instance role demo-instance-role",
          finding.get("remedy").asText());
    }
  }

  /**
   * With IMDS at an address that never answers, the probe waits on its own thread: the first round of AWS calls is
   * not slower with credscope than without by anything like the probe's timeout, here 10 s, which a probe on the
   * application's thread would add to that round. The margin is half of it, far above what a loaded machine adds.
   */
  @Test
  void aSilentImdsNeverDelaysTheApplication() throws Exception {
    List<Long> with = new ArrayList<>();
    List<Long> without = new ArrayList<>();
    try (FakeAws aws = FakeAws.start()) {
      for (int run = 0; run < 3; run++) {
        without.add(firstRoundMicros(launch(Scenario.LAPTOP_ENV_KEYS, aws, false)));
        AppLaunch probing = launch(Scenario.LAPTOP_ENV_KEYS, aws, true);
        probing.agent(ScenarioIT.AGENT_JAR, "audit=" + probing.workDirectory().resolve("audit.jsonl")
            + ",probeTimeout=10s");
        with.add(firstRoundMicros(probing));
      }
    }
    long median = median(with);
    long baseline = median(without);
    assertTrue(median < baseline + 5_000_000, "first round " + median + " us with credscope, " + baseline + " without");
  }

  private static long firstRoundMicros(AppLaunch launch) throws Exception {
    ScenarioIT.Run run = ScenarioIT.run(launch.sdks("v2"));
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    Matcher round = Pattern.compile("SDK v2: first round in (\\d+) us").matcher(run.stdout());
    assertTrue(round.find(), run.stdout());
    return Long.parseLong(round.group(1));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
    return sorted.get(sorted.size() / 2);
  }

  private AppLaunch launch(Scenario scenario, FakeAws aws, boolean agent) throws IOException {
    Path work = folder.resolve(scenario.id() + (agent ? "" : "-no-agent") + System.nanoTime());
    AppLaunch launch = new AppLaunch(scenario, aws, work).classPath(ScenarioIT.DEMO_JAR.toString())
        .sdks(scenario.sdks());
    return agent ? launch.agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl")) : launch;
  }
}
