package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.config.AgentConfig;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.ProviderFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  /** A security manager that refuses {@code shutdownHooks} must cost the summary only: one line, and reporting goes on. */
  @Test
  void aRefusedShutdownHookIsOneLineAndReportingCarriesOn() throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    AgentConfig config = AgentConfig.load("audit=" + audit + ",log=off", new Properties(), Map.of(),
        problem -> { throw new AssertionError(problem); });
    Reporter reporter = new Reporter(config, hook -> {
      throw new SecurityException("access denied (\"java.lang.RuntimePermission\" \"shutdownHooks\")");
    });
    LogLevel before = LogLevel.configured();
    LogLevel.configure("off");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      reporter.accept(new CredentialsChainFailed(Instant.parse("2026-11-22T10:15:30Z"), Sdk.V2,
          "DefaultCredentialsProvider", List.of(new ProviderFailure("EnvironmentVariableCredentialsProvider",
              CredentialSource.ENVIRONMENT, "AWS_ACCESS_KEY_ID not set")), null));
      long deadline = System.currentTimeMillis() + 10_000;
      while ((!Files.exists(audit) || Files.readAllLines(audit).isEmpty()) && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      // What the hook would have run: the application may still end the run in order itself.
      reporter.finish();
    } finally {
      System.setErr(original);
      LogLevel.configure(before.name());
    }
    List<String> events = Files.readAllLines(audit, StandardCharsets.UTF_8).stream()
        .map(line -> {
          try {
            return JSON.readTree(line).get("event").asText();
          } catch (Exception e) {
            throw new AssertionError(line, e);
          }
        }).collect(Collectors.toList());
    assertEquals(List.of("credentials.failed", "summary"), events);
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.contains("shutdown hook")).collect(Collectors.toList());
    assertEquals(1, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("[credscope] WARN  cannot add a shutdown hook (access denied"), lines.get(0));
  }
}
