package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.credscope.it.apps.HttpClientsApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP hooks in a real JVM, for each client, against a real server on 127.0.0.1: a raw call signed by hand
 * is one {@code aws.call} with the right key, service, region and source; a presigned URL is seen; a plain call
 * yields nothing; and the application reads the same bytes with and without the agent. OkHttp runs twice: as 4, which
 * the application is compiled against, and as 5 ({@value #OKHTTP_5}), the same application on OkHttp 5's jars.
 */
class HttpHooksIT {

  private static final String KEY_ID = "AKIAHTTPHOOKSEXAMPLE";
  private static final String SECRET = "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";
  private static final String PRESIGN_KEY_ID = "AKIAPRESIGNEDEXAMPLE";
  private static final String PRESIGN_SECRET = "presignedSecretKeyThatMustNeverBeLogged";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] BODY = new byte[200_000];
  /** The case that runs the application's {@code okhttp} client with OkHttp 5 on its class path. */
  private static final String OKHTTP_5 = "okhttp5";

  /** Looks like EC2's: URL-safe Base64 without padding, a few hundred characters. */
  private static final String ENCODED_MESSAGE;
  /** What the server answers under /err/, by the path's second segment: status, headers, body, chunked or not. */
  private static final Map<String, CannedResponse> ERRORS;

  record CannedResponse(int status, Map<String, String> headers, byte[] body, boolean chunked) {
  }

  static {
    new Random(42).nextBytes(BODY);
    byte[] token = new byte[480];
    new Random(7).nextBytes(token);
    ENCODED_MESSAGE = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    ERRORS = Map.of(
        "json-throttle", new CannedResponse(400, Map.of("Content-Type", "application/x-amz-json-1.0",
            "x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/"),
            utf8("{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"Rate of "
                + "requests exceeds the allowed throughput.\"}"), false),
        "query-throttle", new CannedResponse(400, Map.of("Content-Type", "text/xml"), utf8("<ErrorResponse xmlns=\""
            + "https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>Throttling"
            + "</Code>\n    <Message>Rate exceeded</Message>\n  </Error>\n  <RequestId>8b5c2b45-0d2c-4d1a</RequestId>"
            + "\n</ErrorResponse>\n"), false),
        "ec2-limit", new CannedResponse(503, Map.of("Content-Type", "text/xml;charset=UTF-8"), utf8("<?xml version="
            + "\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>"
            + "Request limit exceeded.</Message></Error></Errors><RequestID>5a6e1f2b-7c1d</RequestID></Response>"),
            false),
        // Longer than the bounded read, and chunked: the application must still get every byte.
        "s3-slowdown", new CannedResponse(503, Map.of("Content-Type", "application/xml"), utf8("<?xml version=\"1.0\" "
            + "encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
            + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>" + "h".repeat(20_000) + "</HostId></Error>"), true),
        "ec2-unauthorized", new CannedResponse(403, Map.of("Content-Type", "text/xml;charset=UTF-8"), utf8("<?xml "
            + "version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code>"
            + "<Message>You are not authorized to perform this operation. Encoded authorization failure message: "
            + ENCODED_MESSAGE + "</Message></Error></Errors><RequestID>c1d2e3f4</RequestID></Response>"), false),
        "plain", new CannedResponse(500, Map.of("Content-Type", "text/plain"),
            utf8("<Error><Code>NotAnAwsCall</Code></Error> the server had a bad day"), false));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @TempDir
  Path folder;
  private HttpServer server;
  private final AtomicInteger throttledOnceRequests = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/err/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        answer(exchange, ERRORS.get(exchange.getRequestURI().getPath().split("/")[2]));
      }
    });
    // DynamoDB's throttling the first time, then the body.
    server.createContext("/throttle-once", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        answer(exchange, throttledOnceRequests.incrementAndGet() == 1 ? ERRORS.get("json-throttle")
            : new CannedResponse(200, Map.of(), BODY, false));
      }
    });
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        byte[] body = exchange.getRequestURI().getPath().equals("/latest/api/token")
            ? "token-for-tests".getBytes(StandardCharsets.UTF_8) : BODY;
        answer(exchange, new CannedResponse(200, Map.of(), body, false));
      }
    });
    server.start();
  }

  private static void answer(HttpExchange exchange, CannedResponse response) throws IOException {
    response.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(response.status(), response.chunked() ? 0 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  static Stream<Arguments> clients() {
    List<Arguments> cases = new ArrayList<>();
    Map<String, String> libraries = Map.of("urlconnection", "HttpURLConnection",
        "httpclient-send", "java.net.http.HttpClient", "httpclient-async", "java.net.http.HttpClient",
        "apache4", "apache-httpclient-4", "apache5", "apache-httpclient-5", "okhttp", "okhttp", OKHTTP_5, "okhttp");
    for (String java : ForkedJvm.javas()) {
      for (String client : List.of("urlconnection", "httpclient-send", "httpclient-async", "apache4", "apache5",
          "okhttp", OKHTTP_5)) {
        cases.add(Arguments.of(client, libraries.get(client), java));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("clients")
  void aCallSignedByHandIsOneAwsCall(String client, String library, String java) throws Exception {
    Path audit = folder.resolve("audit.jsonl");
    boolean presign = client.equals("urlconnection");
    ForkedJvm.Result with = runApp(java, client, "audit=" + audit + ",mask=off", presign);
    ForkedJvm.Result without = runApp(java, client, null, presign);
    assertEquals(0, with.exitCode(), with.all());
    assertEquals(0, without.exitCode(), without.all());

    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
    List<String> expected = new ArrayList<>(List.of("signed " + BODY.length + " " + digest,
        "sigv4a " + BODY.length + " " + digest, "plain " + BODY.length + " " + digest));
    if (presign) {
      expected.add("presigned " + BODY.length + " " + digest);
    }
    assertEquals(expected, without.stdout().lines().collect(Collectors.toList()), "the server's bytes");
    assertEquals(without.stdout(), with.stdout(), "the application reads the same bytes with the agent");

    List<JsonNode> calls = records(audit, "aws.call");
    assertEquals(presign ? 3 : 2, calls.size(), "the plain call is no AWS call: " + calls);
    JsonNode signed = calls.get(0);
    assertEquals(KEY_ID, signed.get("key").asText());
    assertEquals("dynamodb", signed.get("service").asText());
    assertEquals("eu-west-1", signed.get("region").asText());
    assertEquals("static", signed.get("source").asText(), "linked to the provider that resolved the key");
    assertEquals("StaticCredentialsProvider", signed.get("provider").asText());
    assertEquals("GET", signed.get("method").asText());
    assertEquals("127.0.0.1", signed.get("host").asText());
    assertEquals(library, signed.get("library").asText());
    if (!client.equals("httpclient-async")) {
      assertTrue(signed.get("caller").asText().startsWith(HttpClientsApp.class.getName() + "."), signed.toString());
    }
    JsonNode sigV4a = calls.get(1);
    assertEquals("s3 us-east-1,us-west-2 " + KEY_ID + " static " + library, sigV4a.get("service").asText() + " "
        + sigV4a.get("region").asText() + " " + sigV4a.get("key").asText() + " " + sigV4a.get("source").asText() + " "
        + sigV4a.get("library").asText(), "SigV4a's region set, which the hook handed over");
    if (presign) {
      JsonNode presigned = calls.get(2);
      assertEquals(PRESIGN_KEY_ID, presigned.get("key").asText());
      assertEquals("s3", presigned.get("service").asText());
      assertEquals("eu-central-1", presigned.get("region").asText());
      assertEquals("unknown", presigned.get("source").asText(), "credscope never saw this key resolved");
      assertTrue(presigned.get("presigned").asBoolean());
      List<JsonNode> findings = records(audit, "finding");
      assertEquals(List.of("PRESIGNED_URL_LONG_EXPIRY"),
          findings.stream().filter(f -> !f.get("id").asText().equals("HARDCODED_KEY")).map(f -> f.get("id").asText())
              .collect(Collectors.toList()), findings.toString());
    }
    JsonNode summary = records(audit, "summary").get(0);
    JsonNode row = summary.get("calls").get(0);
    assertEquals("dynamodb/eu-west-1/static/success/1", row.get("service").asText() + "/" + row.get("region").asText()
        + "/" + row.get("source").asText() + "/" + row.get("outcome").asText() + "/" + row.get("count").asInt(),
        summary.toString());
    assertFalse(with.all().contains(SECRET) || Files.readString(audit).contains(SECRET), "secret leaked");
    assertFalse(with.all().contains(PRESIGN_SECRET) || Files.readString(audit).contains(PRESIGN_SECRET));
    assertTrue(with.stderr().contains("[credscope] INFO  AWS call to dynamodb in eu-west-1 signed with long-term key "
        + KEY_ID + " from static (StaticCredentialsProvider), via " + library), with.stderr());
  }

  /**
   * Each client, against a server that answers signed calls with the errors of every protocol: the audit log has
   * each error's code and operation, the throttles, and the encoded authorization message; the application reads
   * the server's bytes, as it does without the agent; the plain call's error is no AWS error.
   */
  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("clients")
  void awsErrorsAreClassifiedAndTheApplicationReadsTheSameBytes(String client, String library, String java)
      throws Exception {
    Path audit = folder.resolve("errors.jsonl");
    // One answer per request: retries of the throttled ones are the demo's RetryIT's to prove.
    ForkedJvm.Result with = runApp(java, "errors-" + client, "audit=" + audit + ",backoff=off", false);
    ForkedJvm.Result without = runApp(java, "errors-" + client, null, false);
    assertEquals(0, with.exitCode(), with.all());
    assertEquals(0, without.exitCode(), without.all());

    List<String> expected = new ArrayList<>();
    for (String name : List.of("json-throttle", "query-throttle", "ec2-limit", "s3-slowdown", "ec2-unauthorized",
        "plain")) {
      byte[] body = ERRORS.get(name).body();
      expected.add((name.equals("plain") ? "plain-error" : name) + " " + body.length + " "
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }
    assertEquals(expected, without.stdout().lines().collect(Collectors.toList()), "the server's bytes");
    assertEquals(without.stdout(), with.stdout(), "the application reads the same bytes with the agent");

    List<String> errors = records(audit, "aws.error").stream()
        .map(e -> e.get("service").asText() + " " + e.get("operation").asText() + " " + e.get("code").asText() + " "
            + e.get("status").asInt() + " " + e.get("throttling").asBoolean() + " " + e.get("library").asText())
        .sorted().collect(Collectors.toList());
    assertEquals(List.of(
        "dynamodb GetItem ThrottlingException 400 true " + library,
        "ec2 DescribeInstances RequestLimitExceeded 503 true " + library,
        "ec2 RunInstances UnauthorizedOperation 403 false " + library,
        "s3 unknown SlowDown 503 true " + library,
        "sts GetCallerIdentity Throttling 400 true " + library), errors);

    JsonNode summary = records(audit, "summary").get(0);
    List<String> throttles = new ArrayList<>();
    summary.get("throttles").forEach(row -> throttles.add(row.get("service").asText() + "/"
        + row.get("operation").asText() + "=" + row.get("count").asInt()));
    assertEquals(List.of("dynamodb/GetItem=1", "ec2/DescribeInstances=1", "s3/unknown=1", "sts/GetCallerIdentity=1"),
        throttles, summary.toString());
    assertEquals(5, summary.get("errors").size(), "the plain call's error is not an AWS error: " + summary);

    List<JsonNode> encoded = records(audit, "finding").stream()
        .filter(f -> f.get("id").asText().equals("ENCODED_AUTH_FAILURE")).collect(Collectors.toList());
    assertEquals(1, encoded.size(), encoded.toString());
    JsonNode finding = encoded.get(0);
    assertEquals("info", finding.get("severity").asText());
    assertEquals("aws sts decode-authorization-message --encoded-message " + ENCODED_MESSAGE,
        finding.get("remedy").asText());
    assertEquals("ec2", finding.get("service").asText());
    assertEquals("UnauthorizedOperation", finding.get("code").asText());
    assertEquals("AKIA\u2026MPLE", finding.get("key").asText(), "masked");
    // The same denial names the IAM action RunInstances needed, through every hooked client.
    List<JsonNode> missing = records(audit, "finding").stream()
        .filter(f -> f.get("id").asText().equals("MISSING_PERMISSION")).collect(Collectors.toList());
    assertEquals(1, missing.size(), missing.toString());
    assertEquals("ec2:RunInstances", missing.get(0).get("action").asText());
    assertEquals(library, missing.get(0).get("library").asText());
    assertFalse(with.all().contains(SECRET) || Files.readString(audit).contains(SECRET), "secret leaked");
  }

  static Stream<Arguments> okHttps() {
    List<Arguments> cases = new ArrayList<>();
    for (String java : ForkedJvm.javas()) {
      for (String client : List.of("okhttp", OKHTTP_5)) {
        cases.add(Arguments.of(client, java));
      }
    }
    return cases.stream();
  }

  /**
   * A signed call that no SDK retries, throttled once: credscope retries it once, below OkHttp's application
   * interceptors, and the application reads the answer that followed, not the throttle.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("okHttps")
  void okHttpRetriesAThrottledCallOnce(String client, String java) throws Exception {
    Path audit = folder.resolve("retry.jsonl");
    ForkedJvm.Result run = runApp(java, "throttled-once-" + client,
        "audit=" + audit + ",backoffBase=50ms,backoffCap=400ms", false);
    assertEquals(0, run.exitCode(), run.all());

    assertEquals(List.of("throttled-once " + BODY.length + " "
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY))),
        run.stdout().lines().collect(Collectors.toList()), "the answer after the throttle");
    assertEquals(2, throttledOnceRequests.get(), "one retry");
    List<JsonNode> retries = records(audit, "retry");
    assertEquals(1, retries.size(), retries.toString());
    JsonNode retry = retries.get(0);
    assertEquals("okhttp", retry.get("library").asText());
    assertEquals("credscope", retry.get("retrier").asText());
    assertEquals("dynamodb GetItem ThrottlingException 1", retry.get("service").asText() + " "
        + retry.get("operation").asText() + " " + retry.get("code").asText() + " " + retry.get("attempt").asInt());
    assertTrue(records(audit, "retry.gave-up").isEmpty());
    assertFalse(run.all().contains(SECRET) || Files.readString(audit).contains(SECRET), "secret leaked");
  }

  /** The OkHttp 5 cases really run OkHttp 5, not a stale OkHttp 4 on the class path. */
  @Test
  void theOkHttp5CasesRunOkHttp5() throws Exception {
    ForkedJvm.Result run = ForkedJvm.run(List.of(ForkedJvm.defaultJava(), "-cp",
        ForkedJvm.applicationClassPathWithOkHttp5(), HttpClientsApp.class.getName(), "okhttp-version",
        "http://127.0.0.1:" + server.getAddress().getPort(), KEY_ID, SECRET), Map.of(), folder);
    assertEquals(0, run.exitCode(), run.all());
    assertEquals("okhttp " + System.getProperty("credscope.it.okhttp5.version"), run.stdout().strip());
  }

  static Stream<Arguments> javas() {
    return ForkedJvm.javas().stream().map(Arguments::of);
  }

  /** A token-less read from the configured metadata endpoint is IMDSv1, with the line that made it. */
  @ParameterizedTest
  @MethodSource("javas")
  void imdsV1IsAFindingAndImdsV2IsCounted(String java) throws Exception {
    Path v1Audit = folder.resolve("v1.jsonl");
    ForkedJvm.Result v1 = runImds(java, "imds-v1", v1Audit);
    assertEquals(0, v1.exitCode(), v1.all());
    List<JsonNode> findings = records(v1Audit, "finding").stream()
        .filter(f -> f.get("id").asText().startsWith("IMDS")).collect(Collectors.toList());
    assertEquals(1, findings.size(), findings.toString());
    JsonNode finding = findings.get(0);
    assertEquals("IMDSV1_CALL", finding.get("id").asText());
    assertEquals("high", finding.get("severity").asText());
    assertEquals("HttpURLConnection", finding.get("library").asText());
    assertTrue(finding.get("location").asText().startsWith(HttpClientsApp.class.getName() + ".urlConnection(HttpClientsApp.java:"),
        finding.toString());
    assertEquals(1, records(v1Audit, "summary").get(0).get("imds").get("v1Reads").asInt());

    Path v2Audit = folder.resolve("v2.jsonl");
    ForkedJvm.Result v2 = runImds(java, "imds-v2", v2Audit);
    assertEquals(0, v2.exitCode(), v2.all());
    assertTrue(records(v2Audit, "finding").stream().noneMatch(f -> f.get("id").asText().startsWith("IMDS")));
    JsonNode imds = records(v2Audit, "summary").get(0).get("imds");
    assertEquals(1, imds.get("tokenRequests").asInt(), imds.toString());
    assertEquals(1, imds.get("v2Reads").asInt(), imds.toString());
    assertEquals(0, imds.get("v1Reads").asInt(), imds.toString());
  }

  private ForkedJvm.Result runImds(String java, String client, Path audit) throws Exception {
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    return ForkedJvm.run(List.of(java, "-javaagent:" + ForkedJvm.AGENT_JAR + "=audit=" + audit,
        "-Daws.ec2MetadataServiceEndpoint=" + endpoint, "-cp", ForkedJvm.applicationClassPath(),
        HttpClientsApp.class.getName(), client, endpoint, KEY_ID, SECRET), Map.of(), folder);
  }

  /** @param client the application's client, its {@code errors-} or {@code throttled-once-} run, or OkHttp 5's */
  private ForkedJvm.Result runApp(String java, String client, String agentArguments, boolean presign)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    if (agentArguments != null) {
      command.add("-javaagent:" + ForkedJvm.AGENT_JAR + "=" + agentArguments);
    }
    boolean okHttp5 = client.endsWith(OKHTTP_5);
    command.addAll(List.of("-cp", okHttp5 ? ForkedJvm.applicationClassPathWithOkHttp5()
        : ForkedJvm.applicationClassPath(), HttpClientsApp.class.getName(), client.replace(OKHTTP_5, "okhttp"),
        "http://127.0.0.1:" + server.getAddress().getPort(), KEY_ID, SECRET));
    if (presign) {
      command.addAll(List.of(PRESIGN_KEY_ID, PRESIGN_SECRET));
    }
    return ForkedJvm.run(command, Map.of(), folder);
  }

  private static List<JsonNode> records(Path audit, String event) throws Exception {
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
