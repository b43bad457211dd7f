package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.demo.fakeaws.FakeAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code doctor} on the hosts of the end-to-end scenarios: the same environment, files, metadata
 * endpoint and system properties the application gets. Each host yields exactly its findings and
 * exit code, and where the application leaves the choice to the default chain, the winner the
 * doctor predicts for each SDK is the source that chain really used.
 */
class DoctorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SHADOWED = List.of("KEYS_SHADOW_ROLE/high", "LONG_TERM_KEY_WITH_ROLE/medium");
  private static final int FINDINGS_EXIT = 3;

  @TempDir
  Path folder;

  /** A scenario's host as the doctor should judge it; winners {@code null} where no source is available. */
  record Host(Scenario scenario, String v2Winner, String v1Winner, List<String> findings, boolean defaultChain) {
    @Override
    public String toString() {
      return scenario.id();
    }
  }

  static Stream<Arguments> hosts() {
    return Stream.of(
        new Host(Scenario.ENV_SHADOWS_ROLE, "environment", "environment", SHADOWED, true),
        new Host(Scenario.SYSPROPS_SHADOW_CONTAINER, "system-properties", "system-properties", SHADOWED, true),
        // The application asks the profile provider itself; its default chain would take the token.
        new Host(Scenario.PROFILE_SHADOWS_WEB_IDENTITY, "web-identity", "web-identity", List.of(), false),
        new Host(Scenario.WORLD_READABLE_CREDENTIALS, "profile", "profile",
            List.of("CREDENTIALS_FILE_READABLE/medium"), true),
        // Every demo host offers an instance role, so keys that win anywhere on it shadow the role.
        new Host(Scenario.SYSPROPS_AND_ENV, "system-properties", "environment", SHADOWED, true),
        new Host(Scenario.PROFILE_STATIC, "profile", "profile", SHADOWED, true),
        new Host(Scenario.NAMED_PROFILE, "profile", "profile", SHADOWED, true),
        new Host(Scenario.PROCESS_PROFILE, "profile", "profile", List.of(), true),
        new Host(Scenario.WEB_IDENTITY, "web-identity", "web-identity", List.of(), true),
        new Host(Scenario.ASSUME_ROLE_PROFILE, "profile", "profile", List.of(), true),
        new Host(Scenario.NOTHING_CONFIGURED, null, null, List.of(), true),
        // The clean cases.
        new Host(Scenario.ROLE_ONLY, "instance-profile", "instance-profile", List.of(), true),
        new Host(Scenario.CONTAINER, "container", "container", List.of(), true),
        new Host(Scenario.CONTAINER_NO_TOKEN, "container", "container", List.of(), true),
        new Host(Scenario.LAPTOP_PROFILE, "profile", "profile", List.of(), true),
        new Host(Scenario.LAPTOP_ENV_KEYS, "environment", "environment", List.of(), true))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hosts")
  void theDoctorJudgesEachHostAsItsApplicationFindsIt(Host host) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      Path work = folder.resolve(host.scenario().id());
      AppLaunch launch = new AppLaunch(host.scenario(), aws, work).classPath(ScenarioIT.DEMO_JAR.toString())
          .sdks("v2,v1").calls(1).agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl"));

      Doctor json = doctor(launch, "--json");
      JsonNode report = JSON.readTree(json.stdout());
      Set<String> expected = new TreeSet<>();
      for (String sdk : List.of("v2", "v1")) {
        host.findings().forEach(finding -> expected.add(finding + "/" + sdk));
      }
      Set<String> found = new TreeSet<>();
      for (JsonNode finding : report.get("findings")) {
        found.add(finding.get("id").asText() + "/" + finding.get("severity").asText() + "/"
            + finding.get("sdk").asText());
      }
      assertEquals(expected, found, json.stdout());
      int exitCode = host.findings().stream().anyMatch(finding -> finding.endsWith("/high")) ? FINDINGS_EXIT : 0;
      assertEquals(exitCode, json.exitCode(), json.stdout() + json.stderr());
      assertEquals(exitCode, report.get("exitCode").asInt());
      assertEquals(host.v2Winner(), winner(report, "v2"), json.stdout());
      assertEquals(host.v1Winner(), winner(report, "v1"), json.stdout());

      Doctor table = doctor(launch);
      assertEquals(exitCode, table.exitCode(), table.stdout() + table.stderr());
      for (String finding : found) {
        assertTrue(table.stdout().contains(finding.substring(0, finding.indexOf('/'))), table.stdout());
      }
      for (String secret : launch.secretValues()) {
        assertFalse(json.stdout().contains(secret) || json.stderr().contains(secret)
            || table.stdout().contains(secret) || table.stderr().contains(secret), "a secret leaked");
      }

      if (host.defaultChain()) {
        ScenarioIT.Run run = ScenarioIT.run(launch);
        for (String sdk : List.of("v2", "v1")) {
          assertEquals(winner(report, sdk), usedSource(run, sdk), "SDK " + sdk + ": " + run.auditText());
        }
      }
    }
  }

  private static String winner(JsonNode report, String sdk) {
    for (JsonNode chain : report.get("chains")) {
      if (chain.get("sdk").asText().equals(sdk)) {
        return chain.get("winner").isNull() ? null : chain.get("winner").asText();
      }
    }
    throw new AssertionError("no " + sdk + " chain in " + report);
  }

  /**
   * The source the application's default chain used, or null if the chain failed. Clients that each
   * build a chain of their own (for web identity, each assumes the role itself) resolve each their own
   * key, all from one source.
   */
  private static String usedSource(ScenarioIT.Run run, String sdk) {
    Set<String> sources = new TreeSet<>();
    for (JsonNode record : run.audit()) {
      if (record.get("event").asText().equals("credentials.resolved") && record.get("sdk").asText().equals(sdk)) {
        sources.add(record.get("source").asText());
      }
    }
    assertTrue(sources.size() <= 1, run.auditText());
    return sources.isEmpty() ? null : sources.iterator().next();
  }

  record Doctor(int exitCode, String stdout, String stderr) {
  }

  private static Doctor doctor(AppLaunch launch, String... arguments) throws Exception {
    Path out = Files.createTempFile(launch.workDirectory(), "doctor", ".out");
    Path err = Files.createTempFile(launch.workDirectory(), "doctor", ".err");
    Process process = launch.doctorProcessBuilder(ScenarioIT.AGENT_JAR, arguments).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("doctor did not finish");
    }
    return new Doctor(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
