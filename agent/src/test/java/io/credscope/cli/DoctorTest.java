package io.credscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.probe.FakeImds;
import io.credscope.probe.HostSettings;
import io.credscope.probe.SilentServer;
import io.credscope.probe.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor on injected hosts: every IMDS it asks is a fake on 127.0.0.1, or switched off. */
class DoctorTest {

  private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String MASKED = "AKIA\u2026MPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String NL = System.lineSeparator();

  @TempDir
  Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int doctor(HostSettings settings, String... arguments) {
    return Doctor.run(arguments, settings, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private HostSettings envKeysAnd(FakeImds imds) {
    return TestHost.settings(home, Map.of("AWS_ACCESS_KEY_ID", KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET,
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint()));
  }

  @Test
  void environmentKeysShadowingTheInstanceRole() throws IOException {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      assertEquals(3, doctor(envKeysAnd(imds)));
      String table = output();
      assertTrue(table.contains("AWS SDK v2 (DefaultCredentialsProvider)" + NL
          + "  #  source             status    where from / why not" + NL
          + "  1  system-properties  no        aws.accessKeyId not set" + NL
          + "  2  environment        wins      AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment; "
          + "long-term key " + MASKED + NL), table);
      assertTrue(table.contains("  6  instance-profile   shadowed  instance role demo-instance-role from IMDS at "
          + imds.endpoint() + NL + "  => environment wins (EnvironmentVariableCredentialsProvider, long-term key "
          + MASKED + ") and shadows instance-profile" + NL), table);
      assertTrue(table.contains("AWS SDK v1 (DefaultAWSCredentialsProviderChain)" + NL
          + "  #  source             status    where from / why not" + NL
          + "  1  environment        wins      "), table);
      assertTrue(table.contains("  high    KEYS_SHADOW_ROLE (v2): AWS SDK v2 takes key " + MASKED + " from the "
          + "environment while instance role demo-instance-role is available" + NL
          + "          fix: unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to use instance role demo-instance-role"
          + NL), table);
      assertTrue(table.contains("  medium  LONG_TERM_KEY_WITH_ROLE (v1): "), table);
      assertTrue(table.endsWith("Exit code 3: a finding of severity high or above applies." + NL), table);
      assertFalse(table.contains(SECRET));
      assertFalse(table.contains(KEY_ID));
      assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theSameAsOneJsonDocument() throws IOException {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      assertEquals(3, doctor(envKeysAnd(imds), "--json"));
      String text = output();
      assertFalse(text.contains(SECRET));
      JsonNode report = new ObjectMapper().readTree(text);
      assertEquals(1, report.get("v").asInt());
      assertEquals(1000, report.get("timeoutMillis").asInt());
      assertEquals(3, report.get("exitCode").asInt());
      JsonNode v2 = report.get("chains").get(0);
      assertEquals("v2", v2.get("sdk").asText());
      assertEquals("DefaultCredentialsProvider", v2.get("chain").asText());
      assertEquals("environment", v2.get("winner").asText());
      assertEquals("[\"instance-profile\"]", v2.get("shadows").toString());
      JsonNode environment = v2.get("sources").get(1);
      assertEquals(2, environment.get("order").asInt());
      assertEquals("environment", environment.get("source").asText());
      assertTrue(environment.get("available").asBoolean());
      assertTrue(environment.get("wins").asBoolean());
      assertEquals(MASKED, environment.get("key").asText());
      assertEquals("long-term", environment.get("keyType").asText());
      assertEquals("[\"AWS_ACCESS_KEY_ID\",\"AWS_SECRET_ACCESS_KEY\"]", environment.get("settings").toString());
      assertEquals("aws.accessKeyId not set", v2.get("sources").get(0).get("reason").asText());
      assertEquals("demo-instance-role", v2.get("sources").get(5).get("role").asText());
      assertEquals("v1", report.get("chains").get(1).get("sdk").asText());
      List<String> findings = new ArrayList<>();
      for (JsonNode finding : report.get("findings")) {
        findings.add(finding.get("sdk").asText() + " " + finding.get("id").asText() + " "
            + finding.get("severity").asText());
      }
      assertEquals(List.of("v2 KEYS_SHADOW_ROLE high", "v2 LONG_TERM_KEY_WITH_ROLE medium", "v1 KEYS_SHADOW_ROLE high",
          "v1 LONG_TERM_KEY_WITH_ROLE medium"), findings);
      JsonNode shadow = report.get("findings").get(0);
      assertEquals("unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to use instance role demo-instance-role",
          shadow.get("remedy").asText());
      assertEquals("demo-instance-role", shadow.get("evidence").get("role").asText());
    }
  }

  @Test
  void noMaskShowsKeyIdsWholeButNeverSecrets() throws IOException {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      doctor(envKeysAnd(imds), "--json", "--no-mask");
      JsonNode report = new ObjectMapper().readTree(output());
      assertEquals(KEY_ID, report.get("chains").get(0).get("sources").get(1).get("key").asText());
      assertEquals(KEY_ID, report.get("findings").get(0).get("key").asText());
      assertFalse(output().contains(SECRET));
    }
  }

  @Test
  void aRoleAloneIsClean() throws IOException {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      assertEquals(0, doctor(TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint()))));
      assertTrue(output().contains("  => instance-profile wins (InstanceProfileCredentialsProvider) and shadows nothing"
          + NL), output());
      assertTrue(output().endsWith(NL + "Findings: none" + NL), output());
    }
  }

  @Test
  void aReadableCredentialsFileIsReportedButDoesNotFailTheGate() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path aws = Files.createDirectory(home.resolve(".aws"));
    Path credentials = Files.writeString(aws.resolve("credentials"),
        "[default]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n");
    Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(0, doctor(TestHost.settings(home, Map.of("AWS_EC2_METADATA_DISABLED", "true")), "--json"));
    JsonNode findings = new ObjectMapper().readTree(output()).get("findings");
    // Both SDKs read that file.
    assertEquals(2, findings.size(), findings.toString());
    assertEquals("CREDENTIALS_FILE_READABLE", findings.get(0).get("id").asText());
    assertEquals("CREDENTIALS_FILE_READABLE", findings.get(1).get("id").asText());
    assertEquals("v1", findings.get(1).get("sdk").asText());
    assertEquals("chmod 600 " + credentials, findings.get(0).get("remedy").asText());
    assertFalse(output().contains(SECRET));
  }

  @Test
  void aHostWithNothing() {
    assertEquals(0, doctor(TestHost.settings(home, Map.of("AWS_EC2_METADATA_DISABLED", "true"))));
    assertTrue(output().contains("  6  instance-profile   no      AWS_EC2_METADATA_DISABLED=true" + NL
        + "  => no source is available: the chain would fail to find credentials" + NL), output());
  }

  @Test
  void anImdsThatNeverAnswersCostsTheTimeoutOnce() throws IOException {
    try (SilentServer silent = new SilentServer()) {
      HostSettings settings = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", silent.endpoint()));
      long start = System.nanoTime();
      assertEquals(0, doctor(settings, "--timeout=200ms", "--json"));
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      JsonNode report = new ObjectMapper().readTree(output());
      assertEquals(200, report.get("timeoutMillis").asInt());
      for (JsonNode chain : report.get("chains")) {
        assertEquals("IMDS at " + silent.endpoint() + " did not answer within 200 ms",
            chain.get("sources").get(5).get("reason").asText());
      }
      assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
    }
  }

  @Test
  void usageErrors() {
    HostSettings settings = TestHost.settings(home, Map.of("AWS_EC2_METADATA_DISABLED", "true"));
    assertEquals(2, doctor(settings, "--timeout=soon"));
    assertEquals("doctor: bad timeout 'soon'; give milliseconds from 1 to 60000, as 1000, 500ms or 1s; try doctor "
        + "--help" + NL,
        err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, doctor(settings, "--yaml"));
    assertEquals("doctor: unknown argument '--yaml'; try doctor --help" + NL, err.toString(StandardCharsets.UTF_8));
    assertEquals("", output());
  }

  @Test
  void help() {
    assertEquals(0, doctor(TestHost.settings(home, Map.of()), "--help"));
    assertTrue(output().contains("Usage: credscope doctor [-h] [--json] [--no-mask] [--timeout=MS]" + NL), output());
    assertTrue(output().contains("Exit codes:" + NL + "  0   no finding of severity high or above" + NL
        + "  3   at least one" + NL + "  2   usage error" + NL), output());
  }
}
