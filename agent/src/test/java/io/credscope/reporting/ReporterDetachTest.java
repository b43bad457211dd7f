package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.config.AgentConfig;
import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detach ends reporting in a JVM that goes on: the summary now, once, and nothing after. */
class ReporterDetachTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  /** Anonymous credentials: no finding rule probes the host for them. */
  private static CredentialsResolved resolved() {
    return new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.ENVIRONMENT,
        "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider", AccessKeyId.NONE,
        "DefaultCredentialsProvider", "com.example.Main.main(Main.java:7)", List.of(), null, null, null, null);
  }

  @Test
  void detachWritesTheSummaryOnceAndDropsWhatComesAfter() throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    Reporter reporter = new Reporter(AgentConfig.load("audit=" + audit, new Properties(), Map.of(),
        problem -> fail(problem)));
    List<Event> watched = new CopyOnWriteArrayList<>();
    reporter.watch(watched::add);
    reporter.accept(resolved());

    reporter.detach();
    assertEquals(List.of("credentials.resolved", "summary"), events(audit));
    assertEquals(1, watched.size(), "status saw what the outputs saw");
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("credscope-reporter")), "the reporter thread ended");

    reporter.accept(resolved());
    reporter.detach();
    assertEquals(List.of("credentials.resolved", "summary"), events(audit), "nothing after the detach");
  }

  private static List<String> events(Path audit) throws Exception {
    List<String> events = new ArrayList<>();
    for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
      events.add(JSON.readTree(line).get("event").asText());
    }
    return events;
  }
}
