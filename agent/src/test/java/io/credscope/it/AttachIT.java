package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import io.credscope.it.apps.AttachTargetApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agentmain shares premain's install path, and rewrites provider classes the JVM already loaded. */
class AttachIT {

  @TempDir
  Path folder;

  @Test
  void attachingToARunningJvmRetransformsLoadedProviders() throws Exception {
    Path go = folder.resolve("go");
    Path audit = folder.resolve("audit.jsonl");
    Path stderr = folder.resolve("stderr.txt");
    Process app = new ProcessBuilder(ForkedJvm.defaultJava(),
        // Newer JDKs warn about agents loaded into a running JVM unless it opts in; JDK 17 does not know the flag.
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading",
        "-cp", ForkedJvm.applicationClassPath(), AttachTargetApp.class.getName(),
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETKEY", go.toString())
        .redirectError(stderr.toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("ready", out.readLine());

      VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
      try {
        vm.loadAgent(ForkedJvm.AGENT_JAR.toString(), "audit=" + audit);
      } finally {
        vm.detach();
      }
      Files.writeString(go, "");
      assertEquals("done", out.readLine());
    }
    assertTrue(app.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, app.exitValue(), Files.readString(stderr));

    List<String> records = Files.readAllLines(audit, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    JsonNode resolved = json.readTree(records.get(0));
    assertEquals("credentials.resolved", resolved.get("event").asText());
    assertEquals("static", resolved.get("source").asText());
    JsonNode summary = json.readTree(records.get(records.size() - 1));
    assertEquals(3, summary.get("resolutions").get(0).get("count").asInt(), "only resolutions after the attach");
    assertTrue(Files.readString(stderr).lines().allMatch(line -> line.startsWith("[credscope] ")),
        Files.readString(stderr));
  }
}
