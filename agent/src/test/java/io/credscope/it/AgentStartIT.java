package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.it.apps.HardcodedKeyApp;
import io.credscope.it.apps.StaticKeysApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent in a real JVM with a real SDK v2 provider: what it prints, writes, and leaves alone. */
class AgentStartIT {

  private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "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";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private ForkedJvm.Result runApp(String java, String agentArguments, List<String> jvmOptions,
      Map<String, String> environment) throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    command.add("-javaagent:" + ForkedJvm.AGENT_JAR + (agentArguments == null ? "" : "=" + agentArguments));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", ForkedJvm.applicationClassPath(), StaticKeysApp.class.getName(), KEY_ID, SECRET,
        "7"));
    return ForkedJvm.run(command, environment, folder);
  }

  static List<String> javas() {
    return ForkedJvm.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void reportsTheFirstResolutionAndCountsTheRest(String java) throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    ForkedJvm.Result result = runApp(java, "audit=" + audit, List.of(), Map.of());

    assertEquals(0, result.exitCode(), result.all());
    assertEquals("app resolved credentials 7 times" + System.lineSeparator(), result.stdout(),
        "the application's output is its own");
    List<String> agentLines = result.stderr().lines().collect(Collectors.toList());
    assertEquals(List.of(
        "[credscope] INFO  AWS SDK v2 credentials from static: StaticCredentialsProvider supplied long-term key "
            + "AKIA\u2026MPLE, built at io.credscope.it.apps.StaticKeysApp.main(StaticKeysApp.java:14), first used at "
            + "io.credscope.it.apps.StaticKeysApp.main(StaticKeysApp.java:17)",
        "[credscope] WARN  HARDCODED_KEY (high): static credentials built in code at "
            + "io.credscope.it.apps.StaticKeysApp.main(StaticKeysApp.java:14) supply key AKIA\u2026MPLE; its id is not "
            + "a literal there, so it is read at run time; fix: let the default credentials chain find a role or "
            + "profile instead of building static credentials in code",
        "[credscope] INFO  summary: AWS credentials used by this JVM (1 distinct)",
        "[credscope] INFO    SDK v2 static StaticCredentialsProvider AKIA\u2026MPLE (long-term): 7 resolutions"),
        agentLines, "nothing else on stderr: no JVM or library warnings either");

    List<JsonNode> records = readAudit(audit);
    assertEquals(3, records.size());
    JsonNode resolved = records.get(0);
    assertEquals("credentials.resolved", resolved.get("event").asText());
    assertEquals("static", resolved.get("source").asText());
    assertEquals("StaticCredentialsProvider", resolved.get("provider").asText());
    assertEquals("v2", resolved.get("sdk").asText());
    assertEquals("AKIA\u2026MPLE", resolved.get("key").asText());
    assertEquals("long-term", resolved.get("keyType").asText());
    assertEquals("io.credscope.it.apps.StaticKeysApp.main(StaticKeysApp.java:17)", resolved.get("caller").asText());
    assertEquals("io.credscope.it.apps.StaticKeysApp.main(StaticKeysApp.java:14)", resolved.get("builtAt").asText());
    JsonNode finding = records.get(1);
    assertEquals("HARDCODED_KEY", finding.get("id").asText());
    assertEquals("high", finding.get("severity").asText());
    assertEquals("not proven", finding.get("literal").asText(), "the key came from the command line");
    assertEquals(7, records.get(2).get("resolutions").get(0).get("count").asInt());
    assertNoSecret(result, audit);
  }

  /** The CLI's parser and the control endpoint's JMX stay off the start-up path: only a CLI's command loads them. */
  @Test
  void theStartLoadsNeitherTheCliNorJmx() throws Exception {
    Path classes = folder.resolve("classes.txt");
    ForkedJvm.Result result = runApp(ForkedJvm.defaultJava(), "audit=" + folder.resolve("audit.jsonl"),
        List.of("-Xlog:class+load=info:file=" + classes), Map.of());
    assertEquals(0, result.exitCode(), result.all());
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains(" io.credscope.control.Session "), "the session is made at start-up");
    for (String absent : List.of(" io.credscope.shaded.picocli.", " javax.management.", " io.credscope.cli.",
        " io.credscope.control.ControlEndpoint ")) {
      assertFalse(loaded.contains(absent), absent + " loaded");
    }
  }

  /** The literal is proven from the class bytes the application's own loader reads. */
  @ParameterizedTest
  @MethodSource("javas")
  void aLiteralKeyInCodeIsCritical(String java) throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    ForkedJvm.Result result = ForkedJvm.run(List.of(java, "-javaagent:" + ForkedJvm.AGENT_JAR + "=audit=" + audit,
        "-cp", ForkedJvm.applicationClassPath(), HardcodedKeyApp.class.getName()), Map.of(), folder);
    assertEquals(0, result.exitCode(), result.all());
    List<JsonNode> findings = readAudit(audit).stream()
        .filter(record -> record.get("event").asText().equals("finding")).collect(Collectors.toList());
    assertEquals(1, findings.size(), findings.toString());
    JsonNode finding = findings.get(0);
    assertEquals("HARDCODED_KEY", finding.get("id").asText());
    assertEquals("critical", finding.get("severity").asText());
    assertEquals("proven", finding.get("literal").asText());
    assertEquals(HardcodedKeyApp.class.getName(), finding.get("class").asText());
    assertTrue(finding.get("location").asText().startsWith(HardcodedKeyApp.class.getName() + ".main(HardcodedKeyApp.java:"),
        finding.toString());
    assertTrue(result.stderr().contains("[credscope] WARN  HARDCODED_KEY (critical): access key AKIA\u2026MPLE is a "
        + "string literal in " + HardcodedKeyApp.class.getName()), result.stderr());
    assertNoSecret(result, audit);
  }

  @Test
  void badOptionsAreOneLineEachAndTheAgentCarriesOn() throws Exception {
    ForkedJvm.Result result = runApp(ForkedJvm.defaultJava(), "log=loud,colour=blue", List.of(),
        Map.of("CREDSCOPE_MASK", "maybe"));
    assertEquals(0, result.exitCode(), result.all());
    assertTrue(result.stdout().contains("app resolved credentials 7 times"));
    List<String> errors = result.stderr().lines().filter(line -> line.startsWith("[credscope] ERROR"))
        .collect(Collectors.toList());
    assertEquals(List.of(
        "[credscope] ERROR option 'mask' has invalid value 'maybe' (from environment variable CREDSCOPE_MASK); "
            + "valid values: on, off; using the default 'on'",
        "[credscope] ERROR option 'log' has invalid value 'loud' (from agent arguments); valid values: off, error, "
            + "warn, info, debug, trace; using the default 'info'",
        "[credscope] ERROR unknown option 'colour' (from agent arguments); valid options: enabled, audit, log, mask, "
            + "metrics, prometheus, jmx, otlp, otlpStep, probeTimeout, backoff, backoffBase, backoffCap, backoffAttempts, "
            + "backoffJitter, backoffServerErrors, backoffBudget, disable"),
        errors);
    assertTrue(result.stderr().contains("credentials from static"), "still attributing: " + result.stderr());
  }

  @Test
  void anExpiredSessionInUseIsOneFinding() throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    String token = "FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE";
    ForkedJvm.Result result = ForkedJvm.run(List.of(ForkedJvm.defaultJava(),
        "-javaagent:" + ForkedJvm.AGENT_JAR + "=audit=" + audit, "-cp", ForkedJvm.applicationClassPath(),
        io.credscope.it.apps.ExpiredSessionApp.class.getName(), "ASIAIOSFODNN7EXAMPLE", SECRET, token),
        Map.of(), folder);
    assertEquals(0, result.exitCode(), result.all());
    List<JsonNode> findings = readAudit(audit).stream()
        .filter(record -> record.get("id") != null && record.get("id").asText().equals("SESSION_EXPIRED"))
        .collect(Collectors.toList());
    assertEquals(1, findings.size(), "once, not per use: " + findings);
    JsonNode finding = findings.get(0);
    assertEquals("SESSION_EXPIRED", finding.get("id").asText());
    assertEquals("high", finding.get("severity").asText());
    assertEquals("ASIA\u2026MPLE", finding.get("key").asText());
    assertTrue(finding.get("expiration").asText().endsWith("Z"), finding.toString());
    assertTrue(result.stderr().contains("[credscope] WARN  SESSION_EXPIRED (high): StaticCredentialsProvider"),
        result.stderr());
    assertFalse(result.all().contains(token) || Files.readString(audit).contains(token), "the session token leaked");
    assertNoSecret(result, audit);
  }

  @Test
  void disabledMeansSilent() throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    ForkedJvm.Result result = runApp(ForkedJvm.defaultJava(), "enabled=false,audit=" + audit, List.of(), Map.of());
    assertEquals(0, result.exitCode(), result.all());
    assertEquals("", result.stderr());
    assertFalse(Files.exists(audit));
  }

  @Test
  void anAuditFileThatCannotBeWrittenCostsOneLine() throws Exception {
    Files.writeString(folder.resolve("not-a-folder"), "");
    ForkedJvm.Result result = runApp(ForkedJvm.defaultJava(), "audit=" + folder.resolve("not-a-folder/audit.jsonl"),
        List.of(), Map.of());
    assertEquals(0, result.exitCode(), result.all());
    assertEquals(1, result.stderr().lines().filter(line -> line.contains("cannot write the audit log")).count(),
        result.stderr());
    assertTrue(result.stderr().contains("credentials from static"));
  }

  @Test
  void writesUtf8OnAnAsciiJvm() throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    ForkedJvm.Result result = runApp(ForkedJvm.defaultJava(), "audit=" + audit,
        List.of("-Dfile.encoding=US-ASCII", "-Dsun.stderr.encoding=US-ASCII", "-Dsun.stdout.encoding=US-ASCII"),
        Map.of("LC_ALL", "C", "LANG", "C"));
    assertEquals(0, result.exitCode(), result.all());
    byte[] ellipsis = "\u2026".getBytes(StandardCharsets.UTF_8);
    assertTrue(indexOf(result.stderrBytes(), ellipsis) >= 0, "stderr: " + result.stderr());
    assertTrue(indexOf(Files.readAllBytes(audit), ellipsis) >= 0);
  }

  @Test
  void optionsFromSystemProperties() throws Exception {
    Path audit = folder.resolve("from-property.jsonl");
    ForkedJvm.Result result = runApp(ForkedJvm.defaultJava(), null,
        List.of("-Dcredscope.audit=" + audit, "-Dcredscope.mask=off", "-Dcredscope.log=warn"), Map.of());
    assertEquals(0, result.exitCode(), result.all());
    assertTrue(result.stderr().lines().allMatch(line -> line.startsWith("[credscope] WARN  HARDCODED_KEY (high)")),
        "log=warn hides the info lines, and shows the finding: " + result.stderr());
    assertEquals(KEY_ID, readAudit(audit).get(0).get("key").asText(), "mask=off shows the whole key id");
  }

  private static List<JsonNode> readAudit(Path audit) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
      JsonNode record = JSON.readTree(line);
      assertEquals(1, record.get("v").asInt());
      assertTrue(record.get("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), line);
      assertTrue(record.get("pid").asLong() > 0, line);
      records.add(record);
    }
    return records;
  }

  private static void assertNoSecret(ForkedJvm.Result result, Path audit) throws Exception {
    assertFalse(result.all().contains(SECRET), "secret in output");
    assertFalse(Files.readString(audit, StandardCharsets.UTF_8).contains(SECRET), "secret in audit log");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
