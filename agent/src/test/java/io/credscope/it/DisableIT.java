package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.credscope.it.apps.HttpClientsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disable=}: the named module's classes load as they are, every other hook still reports. */
class DisableIT {

  private static final String KEY_ID = "AKIADISABLEDEXAMPLE1";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYDISABLED";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.answering("fine");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void aDisabledModuleRecordsNothingAndTheOthersStillDo() throws Exception {
    Path okHttpAudit = folder.resolve("okhttp.jsonl");
    ForkedJvm.Result okHttp = run("okhttp", "audit=" + okHttpAudit + ",disable=okhttp,retry,log=debug");
    assertEquals(0, okHttp.exitCode(), okHttp.all());
    assertEquals(3, okHttp.stdout().lines().count(), okHttp.all());
    assertEquals(List.of(), events(okHttpAudit, "aws.call"), "the OkHttp hook is off");
    assertEquals(List.of("static"), events(okHttpAudit, "credentials.resolved").stream()
        .map(record -> record.get("source").asText()).collect(Collectors.toList()), "the SDK's hook is on");
    assertTrue(okHttp.stderr().lines().noneMatch(line -> line.contains("ERROR")), okHttp.stderr());

    Path jdkAudit = folder.resolve("jdk.jsonl");
    ForkedJvm.Result jdk = run("urlconnection", "audit=" + jdkAudit + ",disable=okhttp,retry");
    assertEquals(0, jdk.exitCode(), jdk.all());
    assertEquals(List.of("HttpURLConnection", "HttpURLConnection"), events(jdkAudit, "aws.call").stream()
        .map(record -> record.get("library").asText()).collect(Collectors.toList()), "another client's hook is on");
  }

  private ForkedJvm.Result run(String client, String agentArguments) throws Exception {
    return ForkedJvm.run(List.of(ForkedJvm.defaultJava(), "-javaagent:" + ForkedJvm.AGENT_JAR + "=" + agentArguments,
        "-cp", ForkedJvm.applicationClassPath(), HttpClientsApp.class.getName(), client,
        "http://127.0.0.1:" + server.getAddress().getPort(), KEY_ID, SECRET), Map.of(), folder);
  }

  private static List<JsonNode> events(Path audit, String event) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
      JsonNode record = JSON.readTree(line);
      if (record.get("event").asText().equals(event)) {
        records.add(record);
      }
    }
    return records;
  }
}
