package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.AwsError;
import io.credscope.events.CallIdentity;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.ProviderFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.Files;
import java.nio.file.Path;
import io.credscope.http.CallRetries;
import io.credscope.http.HttpCallRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private static CredentialsResolved resolved(String chain, String caller) {
    return new CredentialsResolved(Instant.parse("2026-11-22T10:15:30.123Z"), Sdk.V2, CredentialSource.ENVIRONMENT,
        "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), chain, caller, List.of(), null, null, null, null);
  }

  @Test
  void oneObjectPerLineWithTheCommonFields() throws Exception {
    Path file = folder.resolve("nested/audit.jsonl");
    AuditLog log = new AuditLog(file.toFile(), true, 4242);
    log.accept(resolved("DefaultCredentialsProvider", "com.example.Main.main(Main.java:7)"));
    log.accept(resolved(null, null));
    log.finish(new RunSummary(List.of(new RunSummary.Row("v2", "environment", "EnvironmentVariableCredentialsProvider",
        "AKIA\u2026MPLE", "2faef55a3503", "long-term", 12)), List.of(new RunSummary.FailureRow("v1", "DefaultAWSCredentialsProviderChain",
        3)), 0, 0));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(3, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals(1, first.get("v").asInt());
    assertEquals("2026-11-22T10:15:30.123Z", first.get("ts").asText());
    assertEquals(4242, first.get("pid").asLong());
    assertEquals("credentials.resolved", first.get("event").asText());
    assertEquals("v2", first.get("sdk").asText());
    assertEquals("environment", first.get("source").asText());
    assertEquals("EnvironmentVariableCredentialsProvider", first.get("provider").asText());
    assertEquals("AKIA\u2026MPLE", first.get("key").asText());
    assertEquals(KeyHash.of(AccessKeyId.of("AKIAIOSFODNN7EXAMPLE")), first.get("keyHash").asText());
    assertEquals("long-term", first.get("keyType").asText());
    assertEquals("DefaultCredentialsProvider", first.get("chain").asText());
    assertEquals("com.example.Main.main(Main.java:7)", first.get("caller").asText());

    JsonNode second = JSON.readTree(lines.get(1));
    assertFalse(second.has("chain"));
    assertFalse(second.has("caller"));

    JsonNode summary = JSON.readTree(lines.get(2));
    assertEquals("summary", summary.get("event").asText());
    assertEquals(12, summary.get("resolutions").get(0).get("count").asLong());
    assertEquals("2faef55a3503", summary.get("resolutions").get(0).get("keyHash").asText());
    assertEquals("DefaultAWSCredentialsProviderChain", summary.get("failures").get(0).get("chain").asText());
    assertEquals(3, summary.get("failures").get(0).get("count").asLong());
  }

  @Test
  void anAwsErrorIsOneRecordAndTheSummaryCountsErrorsAndThrottles() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    AuditLog log = new AuditLog(file.toFile(), true, 7);
    log.accept(new AwsError(Instant.parse("2026-11-22T10:15:30Z"), new CallIdentity(
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), "dynamodb", "eu-west-1", null, null, null), "GetItem",
        "ThrottlingException", 400, true, "127.0.0.1", "okhttp", null));
    HttpCallRecorder recorder = new HttpCallRecorder(key -> null, event -> { }, Clock.systemUTC(), new Properties(),
        Map.of(),
          new CallRetries(null, event -> { }, Clock.systemUTC()));
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/eu-west-1/dynamodb/aws4_request, "
        + "SignedHeaders=host, Signature=abcdef0123456789";
    for (int i = 0; i < 2; i++) {
      recorder.exchange("okhttp", "POST", "127.0.0.1", 80, null, authorization, null, 400, null);
      recorder.errorResponse("DynamoDB_20120810.GetItem", null, "ThrottlingException", null, 0);
    }
    log.finish(new RunSummary(List.of(), List.of(), 0, 0).withErrors(recorder.errorCounts(),
        recorder.throttleCounts()));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    JsonNode error = JSON.readTree(lines.get(0));
    assertEquals("aws.error", error.get("event").asText());
    assertEquals("GetItem", error.get("operation").asText());
    assertEquals("ThrottlingException", error.get("code").asText());
    assertEquals(400, error.get("status").asInt());
    assertTrue(error.get("throttling").asBoolean());
    assertEquals("AKIA\u2026MPLE", error.get("key").asText());
    assertEquals("2faef55a3503", error.get("keyHash").asText());
    assertEquals("unknown", error.get("source").asText());
    JsonNode summary = JSON.readTree(lines.get(1));
    assertEquals("{\"service\":\"dynamodb\",\"operation\":\"GetItem\",\"code\":\"ThrottlingException\",\"count\":2}",
        summary.get("errors").get(0).toString());
    assertEquals("{\"service\":\"dynamodb\",\"operation\":\"GetItem\",\"count\":2}",
        summary.get("throttles").get(0).toString());
  }

  @Test
  void aFailedChainListsEveryProviderWithItsReason() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    new AuditLog(file.toFile(), true, 1).accept(new CredentialsChainFailed(Instant.parse("2026-11-22T10:15:30Z"),
        Sdk.V2, "DefaultCredentialsProvider", List.of(
            new ProviderFailure("a.b.SystemPropertyCredentialsProvider", CredentialSource.SYSTEM_PROPERTIES,
                "aws.accessKeyId not set"),
            new ProviderFailure("a.b.InstanceProfileCredentialsProvider", CredentialSource.INSTANCE_PROFILE,
                "AWS_EC2_METADATA_DISABLED=true")), "com.example.Main.main(Main.java:7)"));
    JsonNode failed = JSON.readTree(Files.readString(file));
    assertEquals("credentials.failed", failed.get("event").asText());
    assertEquals("DefaultCredentialsProvider", failed.get("chain").asText());
    assertEquals(2, failed.get("providers").size());
    JsonNode last = failed.get("providers").get(1);
    assertEquals("InstanceProfileCredentialsProvider", last.get("provider").asText());
    assertEquals("instance-profile", last.get("source").asText());
    assertEquals("AWS_EC2_METADATA_DISABLED=true", last.get("reason").asText());
  }

  @Test
  void writesUtf8WhateverThePlatformDefault() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    new AuditLog(file.toFile(), true, 1).accept(resolved(null, null));
    byte[] ellipsis = "\u2026".getBytes(StandardCharsets.UTF_8);
    String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains(new String(ellipsis, StandardCharsets.ISO_8859_1)), raw);
  }

  @Test
  void unmaskedOnRequest() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    new AuditLog(file.toFile(), false, 1).accept(resolved(null, null));
    assertEquals("AKIAIOSFODNN7EXAMPLE", JSON.readTree(Files.readString(file)).get("key").asText());
  }

  @Test
  void appendsToAnExistingLog() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    Files.writeString(file, "{\"v\":1,\"event\":\"earlier\"}\n");
    new AuditLog(file.toFile(), true, 1).accept(resolved(null, null));
    assertEquals(2, Files.readAllLines(file).size());
  }

  private static RunSummary emptySummary() {
    return new RunSummary(List.of(), List.of(), 0, 0);
  }

  /** Captures what credscope prints on stderr while {@code action} runs. */
  private static String stderrOf(ThrowingRunnable action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aNewLogIsReadableByItsOwnerOnly() throws Exception {
    Path file = folder.resolve("new/audit.jsonl");
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
    String printed = stderrOf(() -> new AuditLog(file.toFile(), true, 1).accept(resolved(null, null)));
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    assertEquals("", printed, "a file credscope made itself needs no warning");
  }

  @Test
  void anExistingLogKeepsItsModeAndAReadableOneIsWarnedOfOnce() throws Exception {
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = folder.resolve("shared.jsonl");
    Files.writeString(file, "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    String printed = stderrOf(() -> {
      AuditLog log = new AuditLog(file.toFile(), true, 1);
      log.accept(resolved(null, null));
      log.accept(resolved(null, null));
    });
    assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(file), "left alone");
    assertEquals(2, Files.readAllLines(file).size());
    assertEquals(1, printed.lines().count(), printed);
    assertTrue(printed.startsWith("[credscope] WARN  the audit log " + file + " is readable by its group or others"
        + " (rw-r--r--)"), printed);

    Path ownerOnly = folder.resolve("private.jsonl");
    Files.writeString(ownerOnly, "");
    Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rw-------"));
    assertEquals("", stderrOf(() -> new AuditLog(ownerOnly.toFile(), true, 1).accept(resolved(null, null))));
  }

  /** The summary is the last record: a reporter thread that outlives the exit's wait appends nothing after it. */
  @Test
  void nothingIsWrittenAfterTheSummary() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    AuditLog log = new AuditLog(file.toFile(), true, 1);
    log.accept(resolved(null, null));
    log.finish(emptySummary());
    log.accept(resolved(null, null));
    log.finish(emptySummary());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertEquals("summary", JSON.readTree(lines.get(1)).get("event").asText());
  }

  @Test
  void aSummaryWrittenWhileAnotherThreadStillWritesEndsTheLogWhole() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    AuditLog log = new AuditLog(file.toFile(), true, 1);
    CountDownLatch writing = new CountDownLatch(1);
    AtomicBoolean failed = new AtomicBoolean();
    Thread reporter = new Thread(() -> {
      try {
        for (int i = 0; i < 20_000; i++) {
          log.accept(resolved("DefaultCredentialsProvider", "com.example.Main.main(Main.java:" + i + ")"));
          writing.countDown();
        }
      } catch (Throwable t) {
        failed.set(true);
      }
    });
    reporter.start();
    writing.await();
    log.finish(emptySummary());
    reporter.join();
    assertFalse(failed.get(), "writing beside the exit never throws");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      JSON.readTree(line);
    }
    assertEquals("summary", JSON.readTree(lines.get(lines.size() - 1)).get("event").asText());
    assertTrue(lines.size() < 20_001, "the records after the summary were dropped");
  }

  @Test
  void recordsNameTheAccountANewGenerationKeyEncodesAndNoneForAnOldOne() throws Exception {
    Path file = folder.resolve("account.jsonl");
    AuditLog log = new AuditLog(file.toFile(), true, 7);
    // Aidan Steele's published pair (see KeyAccountTest); the documentation's old-generation key carries none.
    AccessKeyId newKey = AccessKeyId.of("ASIAY34FZKBOKMUTVV7A");
    log.accept(new CredentialsResolved(Instant.parse("2026-11-22T10:15:30Z"), Sdk.V2, CredentialSource.ENVIRONMENT,
        "EnvironmentVariableCredentialsProvider", newKey, null, null, List.of(), null, null, null, null));
    log.accept(new io.credscope.events.AwsCall(Instant.parse("2026-11-22T10:15:31Z"), new CallIdentity(newKey,
        "sts", "us-east-1", Sdk.V2, CredentialSource.ENVIRONMENT, "EnvironmentVariableCredentialsProvider"),
        "127.0.0.1", "POST", "okhttp", false, null));
    log.accept(new io.credscope.events.Finding(Instant.parse("2026-11-22T10:15:32Z"), "MULTIPLE_IDENTITIES",
        io.credscope.events.Finding.Severity.INFO, Sdk.V2, CredentialSource.ENVIRONMENT, "P", newKey, "s", "r",
        Map.of()));
    log.accept(resolved(null, null));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) {
      assertEquals("609629065308", JSON.readTree(lines.get(i)).get("account").asText(), lines.get(i));
    }
    assertFalse(JSON.readTree(lines.get(3)).has("account"), lines.get(3));
  }

  @Test
  void aWebIdentityResolutionNamesTheRoleItsSettingsName() throws Exception {
    Path file = folder.resolve("arn.jsonl");
    AuditLog log = new AuditLog(file.toFile(), true, 7);
    log.accept(new CredentialsResolved(Instant.parse("2026-11-22T10:15:30Z"), Sdk.V2, CredentialSource.WEB_IDENTITY,
        "WebIdentityTokenFileCredentialsProvider", AccessKeyId.of("ASIAY34FZKBOKMUTVV7A"), null, null, List.of(), null,
        null, null, null).withWebIdentityRole("arn:aws:iam::609629065308:role/demo-web-role"));
    log.accept(resolved(null, null));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("arn:aws:iam::609629065308:role/demo-web-role", JSON.readTree(lines.get(0)).get("arn").asText());
    assertFalse(JSON.readTree(lines.get(1)).has("arn"), lines.get(1));
  }
}
