package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.credscope.it.apps.LinkageApp;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Library versions that lack a member some advice calls: that advice is left out of the class, which is named at
 * {@code log=debug}, the application runs as without the agent, and no call throws inside credscope's code (the
 * JVM's own exception log, {@code -Xlog:exceptions}, would list each {@code NoSuchMethodError} and
 * {@code NoClassDefFoundError} that a swallowed link failure costs). OkHttp 3.12 lacks {@code RequestBody.isOneShot}
 * and {@code isDuplex}, which the retry advice calls: its calls are still seen on the wire, and not retried. OkHttp
 * 3.14, 4.12 and 5 have everything, and are retried. httpcore without httpclient lacks the type the Apache wire
 * advice tests requests against: its executor is left alone.
 */
class LinkageIT {

  private static final String KEY_ID = "AKIALINKAGEEXAMPLE01";
  private static final int CALLS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path OKHTTP_3 = Path.of(System.getProperty("credscope.it.okhttp3", "target/okhttp3"));
  private static final Path OKHTTP_5 = Path.of(System.getProperty("credscope.it.okhttp5", "target/okhttp5"));
  private static final String RETRY_LEFT_OUT = "left okhttp3.internal.http.RetryAndFollowUpInterceptor without "
      + "OkHttpCallAdvice: okhttp3.RequestBody has no method isOneShot()Z in the version its class loader has";

  @TempDir
  Path folder;
  private HttpServer server;
  private final AtomicInteger throttled = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/throttle-once", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        if (throttled.incrementAndGet() == 1) {
          exchange.getResponseHeaders().set("x-amzn-ErrorType", "ThrottlingException");
          answer(exchange, 400, "{\"__type\":\"ThrottlingException\"}");
        } else {
          answer(exchange, 200, "{}");
        }
      }
    });
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        answer(exchange, 200, "{\"Item\":{}}");
      }
    });
    server.start();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  static Stream<Arguments> okHttps() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String java : ForkedJvm.javas()) {
      cases.add(Arguments.of("3.12.13", okHttp3("3.12.13"), false, java));
      cases.add(Arguments.of("3.14.9", okHttp3("3.14.9"), true, java));
      cases.add(Arguments.of("4.12.0", fromTestClassPath("/com/squareup/", "/org/jetbrains/kotlin/"), true, java));
      cases.add(Arguments.of(System.getProperty("credscope.it.okhttp5.version", "5"), jars(OKHTTP_5, ""), true,
          java));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "OkHttp {0} on {3}")
  @MethodSource("okHttps")
  void okHttpWorksAndIsHookedAsFarAsItsVersionAllows(String version, List<String> library, boolean retried,
      String java) throws Exception {
    Path audit = folder.resolve("okhttp.jsonl");
    ForkedJvm.Result without = run(java, "okhttp", library, null);
    int sentWithout = throttled.getAndSet(0);
    ForkedJvm.Result with = run(java, "okhttp", library,
        "audit=" + audit + ",log=debug,backoffBase=50ms,backoffCap=400ms");
    assertEquals(0, without.exitCode(), without.all());
    assertEquals(0, with.exitCode(), with.all());
    assertEquals(1, sentWithout);
    assertEquals(retried ? 2 : 1, throttled.get(), (retried ? "the throttle retried: " : "no retry hook to retry it: ") + with.all());
    List<String> expected = new ArrayList<>(List.of("okhttp " + (retried ? "200 2" : "400 32")));
    for (int i = 1; i < CALLS; i++) {
      expected.add("okhttp 200 11");
    }
    assertEquals(expected, lines(with.stdout()), with.all());
    assertEquals(lines(without.stdout()).subList(1, CALLS), lines(with.stdout()).subList(1, CALLS));

    int seen = 0;
    for (JsonNode row : events(audit, "summary").get(0).get("calls")) {
      seen += row.get("count").asInt();
    }
    assertEquals(CALLS + (retried ? 1 : 0), seen, "every attempt seen on the wire");
    assertEquals(!retried, with.stderr().contains(RETRY_LEFT_OUT), with.stderr());
    assertFalse(with.stderr().contains(" without OkHttpAdvice"), with.stderr());
    assertEquals(List.of(), linkErrors(), "no call paid for a missing member");
  }

  static Stream<String> javas() {
    return ForkedJvm.javas().stream();
  }

  /** httpcore's executor, used directly, with no httpclient on the class path. */
  @ParameterizedTest
  @MethodSource("javas")
  void httpCoreWithoutHttpClientIsLeftAlone(String java) throws Exception {
    List<String> library = fromTestClassPath("/httpcore/4.");
    assertEquals(1, library.size(), library.toString());
    Path audit = folder.resolve("httpcore.jsonl");
    ForkedJvm.Result without = run(java, "httpcore", library, null);
    ForkedJvm.Result with = run(java, "httpcore", library, "audit=" + audit + ",log=debug");
    assertEquals(0, without.exitCode(), without.all());
    assertEquals(0, with.exitCode(), with.all());
    assertEquals(CALLS, lines(with.stdout()).stream().filter("httpcore 200 11"::equals).count(), with.all());
    assertEquals(without.stdout(), with.stdout());
    assertTrue(with.stderr().contains("left org.apache.http.protocol.HttpRequestExecutor without "
        + "ApacheHttpClient4Advice: no type org.apache.http.client.methods.HttpUriRequest in the version its class "
        + "loader has"), with.stderr());
    assertEquals(List.of(), events(audit, "aws.call"), "nothing woven, nothing seen");
    assertEquals(List.of(), linkErrors(), "no call paid for a missing type");
  }

  private ForkedJvm.Result run(String java, String client, List<String> library, String agentArguments)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    if (agentArguments != null) {
      command.add("-javaagent:" + ForkedJvm.AGENT_JAR + "=" + agentArguments);
      command.add("-Xlog:exceptions=info:file=" + folder.resolve("exceptions.log"));
    }
    List<String> classPath = new ArrayList<>(fromTestClassPath("test-classes"));
    classPath.addAll(library);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), LinkageApp.class.getName(), client,
        "http://127.0.0.1:" + server.getAddress().getPort(), KEY_ID, String.valueOf(CALLS)));
    return ForkedJvm.run(command, Map.of(), folder);
  }

  /** Each link failure of a library's member that the JVM threw, as its exception log has them. */
  private List<String> linkErrors() throws IOException {
    return Files.readAllLines(folder.resolve("exceptions.log"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains("NoSuchMethodError") || line.contains("NoClassDefFoundError")
            || line.contains("IncompatibleClassChangeError"))
        .filter(line -> line.contains("okhttp3") || line.contains("org.apache.http") || line.contains("org/apache/http"))
        .collect(Collectors.toList());
  }

  private static List<String> okHttp3(String version) throws IOException {
    List<String> jars = jars(OKHTTP_3, "okhttp-" + version + ".jar");
    jars.addAll(jars(OKHTTP_3, "okio-"));
    return jars;
  }

  private static List<String> jars(Path folder, String prefix) throws IOException {
    try (Stream<Path> jars = Files.list(folder)) {
      List<String> found = jars.filter(jar -> jar.getFileName().toString().startsWith(prefix)
          && jar.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList());
      assertFalse(found.isEmpty(), "no " + prefix + " in " + folder);
      return found;
    }
  }

  private static List<String> fromTestClassPath(String... contained) {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      for (String part : contained) {
        if (entry.contains(part) || entry.endsWith(part)) {
          entries.add(entry);
          break;
        }
      }
    }
    return entries;
  }

  private static List<String> lines(String text) {
    return text.lines().collect(Collectors.toList());
  }

  private static List<JsonNode> events(Path audit, String event) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    if (!Files.exists(audit)) {
      return records;
    }
    for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
      JsonNode record = JSON.readTree(line);
      if (record.get("event").asText().equals(event)) {
        records.add(record);
      }
    }
    return records;
  }
}
