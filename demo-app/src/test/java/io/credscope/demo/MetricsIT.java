package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.tools.attach.VirtualMachine;
import io.credscope.demo.fakeaws.FakeAws;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The meters as the backends see them: the Prometheus endpoint of a real demo JVM scraped while it lingers, and each
 * documented meter checked against the same run's audit log; a busy port; an OTLP push to a fake collector; MBeans.
 */
class MetricsIT {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @TempDir
  Path folder;

  private AppLaunch launch(FakeAws aws, String options) throws IOException {
    return launch(aws, options, Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private AppLaunch launch(FakeAws aws, String options, String java) throws IOException {
    Path work = folder.resolve("run" + System.nanoTime());
    return new AppLaunch(Scenario.IMDSV1, aws, work).java(java).classPath(ScenarioIT.DEMO_JAR.toString())
        .sdks(Scenario.IMDSV1.sdks())
        .agent(ScenarioIT.AGENT_JAR, "audit=" + work.resolve("audit.jsonl") + "," + options);
  }

  private static Process start(AppLaunch launch) throws IOException {
    return launch.processBuilder().redirectOutput(launch.workDirectory().resolve("stdout.txt").toFile())
        .redirectError(launch.workDirectory().resolve("stderr.txt").toFile()).start();
  }

  /** Waits until the application says it lingers, its work done and its events reported. */
  private static void awaitLinger(AppLaunch launch, Process process) throws Exception {
    Path out = launch.workDirectory().resolve("stdout.txt");
    long deadline = System.currentTimeMillis() + 120_000;
    while (!Files.readString(out, StandardCharsets.UTF_8).contains("lingering until standard input closes")) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        throw new AssertionError("the application never lingered: " + Files.readString(out)
            + Files.readString(launch.workDirectory().resolve("stderr.txt")));
      }
      Thread.sleep(100);
    }
    // The reporter thread delivers asynchronously: give it a moment past the application's last call.
    Thread.sleep(1500);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** name{labels sorted} to value, for every sample of one metric family prefix. */
  private static Map<String, Double> samples(String text, String name) {
    Map<String, Double> found = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      found.put(labels.toString(), Double.parseDouble(sample.group(4)));
    }
    return found;
  }

  private static Map<String, Double> summaryRows(JsonNode summary, String field, String... tags) {
    Map<String, Double> rows = new TreeMap<>();
    for (JsonNode row : summary.path(field)) {
      Map<String, String> labels = new TreeMap<>();
      for (String tag : tags) {
        labels.put(tag, row.get(tag).asText());
      }
      rows.merge(labels.toString(), row.get("count").asDouble(), Double::sum);
    }
    return rows;
  }

  @ParameterizedTest
  @MethodSource("io.credscope.demo.ScenarioIT#javas")
  void theScrapedMetersMatchTheAuditLogOfTheSameRun(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      aws.dynamoDb().throttleNext(2);
      int port = freePort();
      AppLaunch launch = launch(aws, "prometheus=" + port, java).linger();
      Process process = start(launch);
      String text;
      Instant scraped;
      try {
        awaitLinger(launch, process);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        scraped = Instant.now();
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        text = response.body();
      } finally {
        process.getOutputStream().close();
      }
      ScenarioIT.Run run = ScenarioIT.finish(launch, process);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      JsonNode summary = run.audit().get(run.audit().size() - 1);
      assertEquals("summary", summary.get("event").asText());

      assertEquals(summaryRows(summary, "resolutions", "sdk", "source"),
          samples(text, "credscope_credentials_resolutions_total"), text);
      assertEquals(summaryRows(summary, "calls", "outcome", "region", "service", "source"),
          samples(text, "credscope_aws_calls_total"), text);
      assertEquals(summaryRows(summary, "throttles", "operation", "service"),
          samples(text, "credscope_aws_throttles_total"), text);
      assertFalse(samples(text, "credscope_aws_throttles_total").isEmpty(), "the fake throttled DynamoDB: " + text);
      Map<String, Double> findings = new TreeMap<>();
      for (JsonNode record : run.audit()) {
        if (record.get("event").asText().equals("finding")) {
          findings.merge("{id=" + record.get("id").asText() + ", severity=" + record.get("severity").asText() + "}",
              1.0, Double::sum);
        }
      }
      assertTrue(findings.containsKey("{id=IMDSV1_CALL, severity=high}"), findings.toString());
      assertEquals(findings, samples(text, "credscope_findings_total"), text);
      JsonNode imds = summary.get("imds");
      assertEquals(Map.of("{version=v1}", imds.get("v1Reads").asDouble(), "{version=v2}", imds.get("v2Reads").asDouble()),
          samples(text, "credscope_imds_calls_total"), text);

      Map<String, Double> expiry = samples(text, "credscope_credentials_expiry_seconds");
      for (JsonNode record : run.audit()) {
        if (record.get("event").asText().equals("credentials.resolved") && record.has("expiration")) {
          String labels = "{sdk=" + record.get("sdk").asText() + ", source=" + record.get("source").asText() + "}";
          double expected = Instant.parse(record.get("expiration").asText()).getEpochSecond() - scraped.getEpochSecond();
          assertTrue(Math.abs(expiry.get(labels) - expected) < 30, labels + " " + expected + " " + expiry);
        }
      }
      Map<String, Double> attempts = samples(text, "credscope_retry_attempts_total");
      for (JsonNode row : summary.path("retries")) {
        assertEquals(row.get("attempts").asDouble(), attempts.get("{operation=" + row.get("operation").asText()
            + ", service=" + row.get("service").asText() + "}"), text);
      }
      assertFalse(attempts.isEmpty(), text);
      assertFalse(samples(text, "credscope_retry_budget").isEmpty(), text);
      assertFalse(samples(text, "credscope_retry_retries_total").isEmpty(), text);
      for (String secret : launch.secretValues()) {
        assertFalse(text.contains(secret), "a secret in the scrape");
      }
      assertFalse(text.contains("AKIA") || text.contains("ASIA"), "no key id is a tag value: " + text);
    }
  }

  @Test
  void aBusyPortIsOneErrorLineAndTheApplicationRunsOn() throws Exception {
    try (FakeAws aws = FakeAws.start();
        ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      AppLaunch launch = launch(aws, "prometheus=127.0.0.1:" + busy.getLocalPort());
      ScenarioIT.Run run = ScenarioIT.finish(launch, start(launch));
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      List<String> errors = run.stderr().lines().filter(line -> line.startsWith("[credscope] ERROR"))
          .collect(Collectors.toList());
      assertEquals(1, errors.size(), run.stderr());
      assertTrue(errors.get(0).contains("cannot serve Prometheus metrics on 127.0.0.1:" + busy.getLocalPort()),
          errors.get(0));
      assertTrue(run.stdout().contains("made 3 calls each to STS, S3 and DynamoDB"), run.stdout());
      assertEquals("summary", run.audit().get(run.audit().size() - 1).get("event").asText());
    }
  }

  @Test
  void theMetersArePushedToAnOtlpCollector() throws Exception {
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> posts = new CopyOnWriteArrayList<>();
    collector.createContext("/v1/metrics", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      posts.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + body.length + " " + new String(body, StandardCharsets.ISO_8859_1).contains("credscope.aws.calls"));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(aws, "otlp=http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/metrics");
      ScenarioIT.Run run = ScenarioIT.finish(launch, start(launch));
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertFalse(posts.isEmpty(), "the last counts are pushed at exit: " + run.stderr());
      assertTrue(posts.stream().anyMatch(post -> post.matches("POST application/x-protobuf [1-9][0-9]* true")),
          posts.toString());
    } finally {
      collector.stop(0);
    }
  }

  /** Through the platform MBean server of the lingering JVM, reached as jconsole does: the attach API. */
  @Test
  void theMetersAreMBeansOfThePlatformServer() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = launch(aws, "jmx=on").linger();
      Process process = start(launch);
      Set<String> names;
      try {
        awaitLinger(launch, process);
        VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
        String address;
        try {
          address = vm.startLocalManagementAgent();
        } finally {
          vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
          MBeanServerConnection server = connector.getMBeanServerConnection();
          names = server.queryNames(new ObjectName("credscope:*"), null).stream().map(ObjectName::toString)
              .collect(Collectors.toSet());
          ObjectName calls = server.queryNames(new ObjectName("credscope:name=credscopeAwsCalls*,*"), null).stream()
              .findFirst().orElseThrow(() -> new AssertionError(names.toString()));
          assertTrue(((Number) server.getAttribute(calls, "Count")).doubleValue() > 0, calls.toString());
        }
      } finally {
        process.getOutputStream().close();
      }
      ScenarioIT.Run run = ScenarioIT.finish(launch, process);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(names.stream().anyMatch(name -> name.contains("credscopeCredentialsResolutions")), names.toString());
    }
  }

  /**
   * Start-up pays for no registry it was not asked for: with the default options no class of Micrometer, Prometheus,
   * Dropwizard, OpenTelemetry or protobuf loads; with {@code prometheus} on, Prometheus's do and the others' not.
   */
  @ParameterizedTest
  @MethodSource("io.credscope.demo.ScenarioIT#javas")
  void theDefaultOptionsLoadNoMeterClassAndEachOptionOnlyItsOwn(String java) throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      Set<String> byDefault = shadedLibrariesLoaded(launch(aws, "log=info", java));
      assertEquals(Set.of(), intersection(byDefault, Set.of("io.micrometer", "io.prometheus", "com.codahale",
          "io.opentelemetry", "com.google")), byDefault.toString());
      Set<String> prometheus = shadedLibrariesLoaded(launch(aws, "prometheus=" + freePort(), java));
      assertTrue(prometheus.containsAll(Set.of("io.micrometer", "io.prometheus")), prometheus.toString());
      assertEquals(Set.of(), intersection(prometheus, Set.of("com.codahale", "io.opentelemetry", "com.google")),
          prometheus.toString());
    }
  }

  private static Set<String> intersection(Set<String> one, Set<String> other) {
    return one.stream().filter(other::contains).collect(Collectors.toSet());
  }

  /** The first two package names of every relocated class the application's JVM loaded. */
  private static Set<String> shadedLibrariesLoaded(AppLaunch launch) throws Exception {
    ScenarioIT.Run run = ScenarioIT.finish(launch, start(launch.jvmOption("-Xlog:class+load=info:file="
        + launch.workDirectory().resolve("classes.txt"))));
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    Pattern shaded = Pattern.compile("io\\.credscope\\.shaded\\.([a-z]+\\.[a-z]+)\\.");
    Set<String> libraries = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(launch.workDirectory().resolve("classes.txt"))) {
      Matcher library = shaded.matcher(line);
      if (library.find()) {
        libraries.add(library.group(1));
      }
    }
    assertTrue(libraries.contains("net.bytebuddy"), "the log lists the agent's classes: " + libraries);
    return libraries;
  }
}
