package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import io.credscope.demo.fakeaws.DemoKeys;
import io.credscope.demo.fakeaws.FakeAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ops story end to end, on every JDK the build names: the demo application runs without credscope, calling
 * until told to stop; {@code list} finds it, {@code attach} reports its credentials and findings within seconds,
 * {@code status} shows them, a second {@code attach} is refused, {@code detach} gives every class its original
 * bytecode back and leaves no credscope thread or open audit file, and a new {@code attach} reports afresh. The
 * application carries on through all of it and exits 0.
 */
class AttachVerbsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  record Cli(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  static Stream<String> javas() {
    return ScenarioIT.javas().map(arguments -> (String) arguments.get()[0]);
  }

  @ParameterizedTest
  @MethodSource("javas")
  void attachStatusDetachAndAttachAgain(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      Path stop = folder.resolve("stop");
      AppLaunch launch = new AppLaunch(Scenario.ENV_SHADOWS_ROLE, aws, folder.resolve("app")).java(java)
          .classPath(ScenarioIT.DEMO_JAR.toString()).sdks("v2,v1").untilStopped(stop.toString());
      DemoKeys stale = aws.userKey("stale-deploy-user");
      Path out = folder.resolve("app-stdout.txt");
      Path err = folder.resolve("app-stderr.txt");
      Process app = launch.processBuilder().redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        String pid = Long.toString(app.pid());
        awaitLine(out, "ready " + pid, app);
        Map<String, String> before = snapshot(pid, "before");

        Cli list = cli(java, "list", "--json");
        assertEquals(0, list.exitCode(), list.all());
        JsonNode listed = jvm(list, pid);
        assertEquals("io.credscope.demo.app.DemoApp", listed.get("main").asText(), list.stdout());
        assertEquals(List.of("v2", "v1"), strings(listed.get("sdks")), list.stdout());
        assertTrue(listed.get("credscope").isNull(), list.stdout());

        Path audit = folder.resolve("attached.jsonl");
        Cli attach = cli(java, "attach", pid, "audit=" + audit);
        assertEquals(0, attach.exitCode(), attach.all());
        assertTrue(attach.stdout().contains("audit log: " + audit), attach.stdout());
        assertTrue(attach.stdout().contains("human lines: the JVM's stderr (" + err + "), level info"),
            attach.stdout());
        List<JsonNode> records = awaitRecords(audit, r -> r.get("event").asText().equals("finding")
            && r.get("id").asText().equals("KEYS_SHADOW_ROLE"), 2, app);
        for (String sdk : List.of("v2", "v1")) {
          JsonNode resolved = records.stream().filter(r -> r.get("event").asText().equals("credentials.resolved")
              && r.get("sdk").asText().equals(sdk)).findFirst().orElseThrow(() -> new AssertionError(sdk));
          assertEquals("environment", resolved.get("source").asText());
          assertEquals(stale.maskedKeyId(), resolved.get("key").asText());
        }

        Cli status = cli(java, "status", pid);
        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.stdout().contains("SDK v2 environment EnvironmentVariableCredentialsProvider "
            + stale.maskedKeyId() + " (long-term) via DefaultCredentialsProvider"), status.stdout());
        assertTrue(status.stdout().contains("first used at io.credscope.demo.app.SdkV1Workload.round("),
            status.stdout());
        assertTrue(status.stdout().contains("high KEYS_SHADOW_ROLE: AWS SDK v1 takes key " + stale.maskedKeyId()),
            status.stdout());
        assertFalse(status.all().contains(stale.accessKeyId()), "the key is masked: " + status.stdout());
        Cli statusJson = cli(java, "status", pid, "--json");
        assertEquals(0, statusJson.exitCode(), statusJson.all());
        JsonNode document = JSON.readTree(statusJson.stdout());
        assertEquals(2, document.get("identities").size(), statusJson.stdout());
        assertTrue(document.get("identities").get(0).get("resolutions").asLong() > 0, statusJson.stdout());
        assertTrue(document.get("calls").size() >= 3, "STS, S3 and DynamoDB: " + statusJson.stdout());

        Cli again = cli(java, "attach", pid);
        assertEquals(5, again.exitCode(), again.all());
        assertTrue(again.stderr().contains("is already attached to JVM " + pid), again.stderr());

        Map<String, String> attached = snapshot(pid, "attached");
        List<String> woven = attached.entrySet().stream().filter(entry -> entry.getValue().endsWith("+bridge"))
            .map(Map.Entry::getKey).collect(Collectors.toList());
        assertEquals(List.of(), woven.stream().filter(name -> before.getOrDefault(name, "").endsWith("+bridge"))
            .collect(Collectors.toList()), "nothing calls the bridge before the attach");
        for (String hooked : List.of("software/amazon/awssdk/auth/credentials/", "com/amazonaws/auth/",
            "org/apache/http/")) {
          assertTrue(woven.stream().anyMatch(name -> name.startsWith(hooked)), hooked + " woven: " + woven);
        }

        Cli detach = cli(java, "detach", pid);
        assertEquals(0, detach.exitCode(), detach.all());
        assertTrue(detach.stdout().contains("classes have their original bytecode back"), detach.stdout());
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        assertEquals("summary", JSON.readTree(lines.get(lines.size() - 1)).get("event").asText());
        Map<String, String> after = snapshot(pid, "after");
        // Only the classes credscope rewrote: the JVM rebuilds the bytes of a class never rewritten from what it
        // has in memory, and those of some (java.net.URI, ...) drift with each retransformation, credscope or not.
        assertEquals(List.of(), after.entrySet().stream().filter(entry -> entry.getValue().endsWith("+bridge"))
            .map(Map.Entry::getKey).collect(Collectors.toList()), "nothing calls the bridge after the detach");
        // Some credscope loaded itself (the JDK's HttpURLConnection, woven ahead): those have no digest of before.
        assertTrue(only(before, woven).size() >= woven.size() - 1, "woven: " + woven + ", before: " + before.size());
        assertEquals(List.of(), changed(only(before, woven), after), "each rewritten class has its bytecode back");
        assertNoCredscopeThread(pid);
        assertFalse(openFiles(pid).contains(audit.toString()), "the audit file is closed");
        assertEquals(lines.size(), Files.readAllLines(audit, StandardCharsets.UTF_8).size(), "nothing after detach");

        Cli notActive = cli(java, "status", pid);
        assertEquals(4, notActive.exitCode(), notActive.all());
        assertTrue(notActive.stderr().contains("credscope is not active in JVM " + pid), notActive.stderr());

        Path audit2 = folder.resolve("attached-again.jsonl");
        Cli reattach = cli(java, "attach", pid, "audit=" + audit2);
        assertEquals(0, reattach.exitCode(), reattach.all());
        awaitRecords(audit2, r -> r.get("event").asText().equals("credentials.resolved"), 2, app);
        Map<String, String> reattached = snapshot(pid, "reattached");
        assertEquals(new ArrayList<>(only(before, woven).keySet()), changed(only(before, woven), reattached),
            "woven again");

        Files.writeString(stop, "");
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the application stops");
        assertEquals(0, app.exitValue(), Files.readString(err));
        assertEquals(lines.size(), Files.readAllLines(audit, StandardCharsets.UTF_8).size(),
            "the detached credscope's exit hook is gone: no second summary at exit");
        List<String> exit = Files.readAllLines(audit2, StandardCharsets.UTF_8);
        assertEquals("summary", JSON.readTree(exit.get(exit.size() - 1)).get("event").asText(), "at exit");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(stderr.contains("[credscope] INFO  AWS SDK v2 credentials from environment"), stderr);
        if (javaFeature(listed) >= 21) {
          assertTrue(stderr.contains("A Java agent has been loaded dynamically"), "JDK 21+ says so: " + stderr);
        }
        for (String secret : launch.secretValues()) {
          assertFalse((stderr + Files.readString(audit) + Files.readString(audit2) + status.all()
              + statusJson.all()).contains(secret), "no secret anywhere");
        }
      } finally {
        app.destroyForcibly();
      }
    }
  }

  /** The digests {@link ClassDigests} takes in the application now. */
  private Map<String, String> snapshot(String pid, String name) throws Exception {
    Path file = folder.resolve("digests-" + name + ".txt");
    VirtualMachine vm = VirtualMachine.attach(pid);
    try {
      vm.loadAgent(ClassDigests.jar(folder).toString(), file.toString());
    } finally {
      vm.detach();
    }
    Map<String, String> digests = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ");
      if (parts[0].equals("class")) {
        digests.put(parts[1], parts[2]);
      } else {
        digests.put(line, "");
      }
    }
    return digests;
  }

  private static Map<String, String> only(Map<String, String> digests, List<String> classes) {
    Map<String, String> kept = new TreeMap<>(digests);
    kept.keySet().retainAll(classes);
    return kept;
  }

  /** The classes of {@code before} whose bytecode is not the same in {@code now}. */
  private static List<String> changed(Map<String, String> before, Map<String, String> now) {
    return before.entrySet().stream().filter(entry -> !entry.getKey().startsWith("thread "))
        .filter(entry -> now.containsKey(entry.getKey()) && !now.get(entry.getKey()).equals(entry.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toList());
  }

  /** The reporter's thread ends at once; the retry timer's and the probe's once what they hold is done. */
  private void assertNoCredscopeThread(String pid) throws Exception {
    List<String> threads = List.of();
    for (int attempt = 0; attempt < 20; attempt++) {
      threads = snapshot(pid, "threads-" + attempt).keySet().stream()
          .filter(key -> key.startsWith("thread credscope")).collect(Collectors.toList());
      if (threads.isEmpty()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("credscope threads left after detach: " + threads);
  }

  private static String openFiles(String pid) throws IOException {
    StringBuilder links = new StringBuilder();
    try (Stream<Path> fds = Files.list(Path.of("/proc", pid, "fd"))) {
      for (Path fd : fds.collect(Collectors.toList())) {
        try {
          links.append(Files.readSymbolicLink(fd)).append('\n');
        } catch (IOException closedMeanwhile) {
          // Not open any more.
        }
      }
    }
    return links.toString();
  }

  private static JsonNode jvm(Cli list, String pid) throws IOException {
    for (JsonNode jvm : JSON.readTree(list.stdout()).get("jvms")) {
      if (jvm.get("pid").asText().equals(pid)) {
        return jvm;
      }
    }
    throw new AssertionError("list does not show " + pid + ": " + list.stdout());
  }

  private static int javaFeature(JsonNode listed) {
    String version = listed.get("java").asText();
    return Integer.parseInt(version.startsWith("1.") ? "8" : version.split("[.+-]")[0]);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  static Cli cli(String java, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(java, "-jar", ScenarioIT.AGENT_JAR.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).start();
    var stdout = process.getInputStream().readAllBytes();
    var stderr = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Cli(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
        new String(stderr, StandardCharsets.UTF_8));
  }

  private static void awaitLine(Path file, String line, Process app) throws Exception {
    for (int waited = 0; waited < 600; waited++) {
      if (Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).contains(line)) {
        return;
      }
      if (!app.isAlive()) {
        throw new AssertionError("the application ended: " + Files.readString(file));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + line + "' in " + Files.readString(file));
  }

  /** Waits, a few seconds at most, for {@code count} records that match: a busy application is reported at once. */
  private static List<JsonNode> awaitRecords(Path audit, Predicate<JsonNode> wanted, int count, Process app)
      throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (int waited = 0; waited < 100; waited++) {
      records.clear();
      if (Files.exists(audit)) {
        for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
          records.add(JSON.readTree(line));
        }
      }
      if (records.stream().filter(wanted).count() >= count) {
        return records;
      }
      assertTrue(app.isAlive(), "the application carries on");
      Thread.sleep(100);
    }
    throw new AssertionError("not within 10 s: " + records);
  }
}
