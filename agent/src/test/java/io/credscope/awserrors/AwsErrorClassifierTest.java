package io.credscope.awserrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AwsErrorClassifierTest {

  /** Where CI puts the shared corpora, relative to the agent module's working directory. */
  private static final Path CORPORA = Path.of("../../shared/corpora");
  private static final Path SMITHY_VECTORS =
      CORPORA.resolve("smithy-protocol-error-tests/smithy-aws-protocol-error-tests.json");
  private static final Path BOTOCORE = CORPORA.resolve("botocore-retry-and-errors/response-parsing");

  /** SOURCES.md: 52 vectors; 13 XML and 5 JSON bodies with botocore's expected parse. */
  private static final int SMITHY_VECTOR_COUNT = 52;
  private static final int BOTOCORE_XML_BODIES = 13;
  private static final int BOTOCORE_JSON_BODIES = 5;
  /** The corpus gives no status for botocore's bodies; all of them are client errors. */
  private static final int BOTOCORE_STATUS = 400;

  private static final ObjectMapper JSON = new ObjectMapper();

  // --- (a) Smithy's protocol compliance vectors ---------------------------------------------------------------

  record Vector(String id, String protocol, int status, Map<String, String> headers, String body,
      String expectedCode) {

    byte[] bodyBytes() {
      return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return protocol + " " + id;
    }
  }

  static List<Vector> vectors() throws IOException {
    JsonNode tests = JSON.readTree(SMITHY_VECTORS.toFile()).get("tests");
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode test : tests) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, JsonNode> header : test.get("headers").properties()) {
        headers.put(header.getKey(), header.getValue().asText());
      }
      JsonNode body = test.get("body");
      vectors.add(new Vector(test.get("id").asText(), test.get("protocol").asText(), test.get("httpStatus").asInt(),
          headers, body == null || body.isNull() ? null : body.asText(), test.get("expectedErrorCode").asText()));
    }
    // The whole file or nothing: a missing or shortened corpus must fail, not pass vacuously.
    assertEquals(SMITHY_VECTOR_COUNT, vectors.size(), "vectors in " + SMITHY_VECTORS.toAbsolutePath());
    return vectors;
  }

  @Test
  void theSmithyFileHasAllItsVectors() throws IOException {
    List<Vector> vectors = vectors();
    Set<String> ids = new HashSet<>();
    for (Vector vector : vectors) {
      assertTrue(ids.add(vector.id()), "duplicate id " + vector.id());
    }
    assertEquals(SMITHY_VECTOR_COUNT, JSON.readTree(SMITHY_VECTORS.toFile()).get("tests").size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void extractsTheCodeOfEverySmithyVector(Vector vector) {
    byte[] body = vector.bodyBytes();
    AwsErrorCode error =
        AwsErrorClassifier.classify(vector.status(), vector.headers()::get, body, body == null ? 0 : body.length);
    assertNotNull(error);
    assertEquals(vector.expectedCode(), error.code());
    assertEquals(vector.status(), error.httpStatus());
    assertEquals(expectedSource(vector), error.source());
    assertEquals(ThrottlingCodes.isThrottling(vector.expectedCode(), vector.status()), error.throttling());
  }

  /** A body cut anywhere gives the right code or none, never a wrong or partial one, and never an exception. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyCutOfEverySmithyBodyGivesTheCodeOrNone(Vector vector) {
    byte[] body = vector.bodyBytes();
    if (body == null) {
      return;
    }
    for (int cut = 0; cut <= body.length; cut++) {
      AwsErrorCode error = AwsErrorClassifier.classify(vector.status(), vector.headers()::get, body, cut);
      assertTrue(error.code() == null || error.code().equals(vector.expectedCode()), "cut at " + cut + ": " + error);
    }
  }

  private static AwsErrorCode.Source expectedSource(Vector vector) {
    if (vector.headers().containsKey("x-amzn-query-error")) {
      return AwsErrorCode.Source.QUERY_ERROR_HEADER;
    }
    if (vector.headers().containsKey("x-amzn-errortype")) {
      return AwsErrorCode.Source.ERROR_TYPE_HEADER;
    }
    return vector.body().strip().startsWith("{") ? AwsErrorCode.Source.JSON_BODY : AwsErrorCode.Source.XML_BODY;
  }

  // --- (b) botocore's real error bodies -------------------------------------------------------------------------

  record BodyCase(String name, Path body, String expectedCode) {

    @Override
    public String toString() {
      return name;
    }
  }

  static List<BodyCase> botocoreXmlBodies() throws IOException {
    List<BodyCase> cases = new ArrayList<>();
    for (Path body : list(BOTOCORE.resolve("xml/errors"), ".xml")) {
      cases.add(new BodyCase(body.getFileName().toString(), body, expectedCode(sibling(body, ".json"))));
    }
    assertEquals(BOTOCORE_XML_BODIES, cases.size(), "XML bodies in " + BOTOCORE.toAbsolutePath());
    return cases;
  }

  static List<BodyCase> botocoreJsonBodies() throws IOException {
    List<BodyCase> cases = new ArrayList<>();
    for (Path body : list(BOTOCORE.resolve("json/errors"), ".json")) {
      Path expected = BOTOCORE.resolve("json/expected").resolve(body.getFileName());
      cases.add(new BodyCase(body.getFileName().toString(), body, expectedCode(expected)));
    }
    assertEquals(BOTOCORE_JSON_BODIES, cases.size(), "JSON bodies in " + BOTOCORE.toAbsolutePath());
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"botocoreXmlBodies", "botocoreJsonBodies"})
  void extractsTheCodeBotocoreExtracts(BodyCase testCase) throws IOException {
    byte[] body = Files.readAllBytes(testCase.body());
    AwsErrorCode error = AwsErrorClassifier.classify(BOTOCORE_STATUS, name -> null, body, body.length);
    assertEquals(testCase.expectedCode(), error.code());
    assertEquals(testCase.name().endsWith(".xml") ? AwsErrorCode.Source.XML_BODY : AwsErrorCode.Source.JSON_BODY,
        error.source());
  }

  @Test
  void onlySqsDeleteQueueHasAnExpectedParseWithoutABody() throws IOException {
    // SOURCES.md: upstream has only the expected JSON for sqs-delete-queue, so there is nothing to classify.
    Set<String> withoutBody = new HashSet<>();
    for (Path expected : list(BOTOCORE.resolve("xml/errors"), ".json")) {
      if (!Files.exists(sibling(expected, ".xml"))) {
        withoutBody.add(expected.getFileName().toString());
      }
    }
    assertEquals(Set.of("sqs-delete-queue.json"), withoutBody);
    for (Path expected : list(BOTOCORE.resolve("json/expected"), ".json")) {
      assertTrue(Files.exists(BOTOCORE.resolve("json/errors").resolve(expected.getFileName())), expected.toString());
    }
  }

  // --- (c) botocore's legacy retry rules: every (code, status) they name, in every protocol's shape ----------------

  private static final Path RETRY_RULES = CORPORA.resolve("botocore-retry-and-errors/_retry.json");
  /** _retry.json: 19 responses that name a code (definitions and per-service policies), 6 that name only a status. */
  private static final int RETRY_RULES_WITH_CODE = 19;
  private static final int RETRY_RULES_STATUS_ONLY = 6;

  record RetryRule(String where, String code, int status) {

    @Override
    public String toString() {
      return where + " " + code + "/" + status;
    }
  }

  static List<RetryRule> retryRules() throws IOException {
    List<RetryRule> rules = new ArrayList<>();
    collectRules(JSON.readTree(RETRY_RULES.toFile()), "", rules);
    assertEquals(RETRY_RULES_WITH_CODE + RETRY_RULES_STATUS_ONLY, rules.size(), "responses in " + RETRY_RULES);
    return rules;
  }

  private static void collectRules(JsonNode node, String where, List<RetryRule> rules) {
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (field.getKey().equals("response") && value.has("http_status_code")) {
        JsonNode code = value.get("service_error_code");
        rules.add(new RetryRule(where, code == null ? null : code.asText(), value.get("http_status_code").asInt()));
      } else {
        collectRules(value, where + "/" + field.getKey(), rules);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("retryRules")
  void everyRetryRuleIsClassifiedInEveryProtocol(RetryRule rule) {
    if (rule.code() == null) {
      AwsErrorCode error = AwsErrorClassifier.classify(rule.status(), null, null, 0);
      assertNull(error.code());
      assertEquals(rule.status() == 429, error.throttling(), rule.toString());
      return;
    }
    String code = rule.code();
    String[] bodies = {
        "{\"__type\":\"com.amazonaws.service#" + code + "\",\"message\":\"m\"}",
        "{\"code\":\"" + code + "\"}",
        "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code></Error><RequestId>r</RequestId></ErrorResponse>",
        "<Response><Errors><Error><Code>" + code + "</Code><Message>m</Message></Error></Errors></Response>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>m</Message></Error>",
    };
    for (String body : bodies) {
      AwsErrorCode error = classify(rule.status(), body);
      assertEquals(code, error.code(), body);
      assertEquals(ThrottlingCodes.isThrottling(code, rule.status()), error.throttling(), body);
    }
    AwsErrorCode fromHeader = AwsErrorClassifier.classify(rule.status(), null, code + ":http://internal.amazon.com/",
        null, 0);
    assertEquals(code, fromHeader.code());
    AwsErrorCode fromQueryHeader = AwsErrorClassifier.classify(rule.status(), code + ";Sender", null, null, 0);
    assertEquals(code, fromQueryHeader.code());
    if (rule.where().contains("throttl") || rule.where().contains("throughput")
        || rule.where().contains("request_limit_exceeded") || rule.where().contains("too_many_requests")) {
      assertTrue(fromHeader.throttling(), rule + " is a throttling rule");
    }
  }

  // --- hand-written cases ---------------------------------------------------------------------------------------

  @Test
  void successIsNoError() {
    byte[] body = bytes("{\"__type\":\"ThrottlingException\"}");
    assertNull(AwsErrorClassifier.classify(200, null, body, body.length));
    assertNull(AwsErrorClassifier.classify(399, name -> "FooError", body, body.length));
  }

  @Test
  void anErrorWithoutCodeStillCarriesItsStatus() {
    AwsErrorCode error = AwsErrorClassifier.classify(503, null, null, 0);
    assertNull(error.code());
    assertEquals(503, error.httpStatus());
    assertEquals(AwsErrorCode.Source.NONE, error.source());
    assertFalse(error.throttling());
    assertTrue(AwsErrorClassifier.classify(429, null, null, 0).throttling());
  }

  @Test
  void bodiesThatAreNotAwsErrorsGiveNoCode() {
    String[] bodies = {
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "Service Unavailable",
        "",
        "   \r\n",
        "[{\"__type\":\"FooError\"}]",
        "{\"Error\":{\"__type\":\"FooError\",\"code\":\"BarError\"}}",
        "{\"message\":\"Missing Authentication Token\"}",
        "{\"code\":404}",
        "{\"__type\":\"\"}",
        "{",
        "<",
        "<Error>",
        "<Error><Code>Unfinished",
        "<Error><Code></Code></Error>",
        "<Errors><Code>NotInsideAnError</Code></Errors>",
        "<Error/><Code>AfterAnEmptyError</Code>",
        "<!-- <Error><Code>Commented</Code></Error> -->",
        "<!-- unterminated comment <Error><Code>X</Code></Error>",
        "\u0000\u0001\u00ff{}",
    };
    for (String body : bodies) {
      byte[] bytes = bytes(body);
      AwsErrorCode error = AwsErrorClassifier.classify(500, name -> null, bytes, bytes.length);
      assertNull(error.code(), body);
      assertEquals(AwsErrorCode.Source.NONE, error.source(), body);
    }
  }

  @Test
  void jsonCodeWinsOverTypeAtTopLevelOnly() {
    assertEquals("BarError", code("{\"__type\":\"ns#FooError\",\"code\":\"BarError\"}"));
    assertEquals("BarError", code("{\"code\":\"BarError\",\"__type\":\"FooError\"}"));
    assertEquals("FooError", code("{\"code\":400,\"details\":{\"code\":\"Nested\"},\"__type\":\"FooError\"}"));
    assertEquals("FooError", code("{\"details\":[{\"code\":\"Nested\"}],\"__type\":\"a.b#FooError:http://x#y\"}"));
  }

  @Test
  void aTruncatedJsonBodyKeepsACodeReadBeforeTheCut() {
    AwsErrorCode error = classify(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exce");
    assertEquals("ThrottlingException", error.code());
    assertTrue(error.throttling());
  }

  @Test
  void xmlCodeMustBeADirectChildOfError() {
    assertEquals("Real", code("<?xml version=\"1.0\"?><!-- a comment --><ErrorResponse xmlns=\"urn:x\"><Error>"
        + "<Detail><Code>Nested</Code></Detail><Type>Sender</Type><Code> Real </Code></Error></ErrorResponse>"));
    assertEquals("Prefixed", code("<aws:Error xmlns:aws=\"urn:x\"><aws:Code>Prefixed</aws:Code></aws:Error>"));
    assertEquals("Second", code("<Response><Errors><Error><Message>no code</Message></Error><Error>"
        + "<Code>Second</Code></Error></Errors></Response>"));
    assertEquals("InCdataSibling", code("<Error><Message><![CDATA[<Code>Fake</Code>]]></Message>"
        + "<Code>InCdataSibling</Code></Error>"));
  }

  @Test
  void headersComeBeforeTheBodyAndAreNormalized() {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("X-Amzn-ErrorType", "aws.protocoltests#FooError:http://internal.amazon.com/coral/");
    byte[] body = bytes("{\"__type\":\"BodyError\"}");
    AwsErrorCode error = AwsErrorClassifier.classify(400, headers::get, body, body.length);
    assertEquals("FooError", error.code());
    assertEquals(AwsErrorCode.Source.ERROR_TYPE_HEADER, error.source());
    headers.put("x-amzn-query-error", " AWS.SimpleQueueService.NonExistentQueue;Sender");
    assertEquals("AWS.SimpleQueueService.NonExistentQueue",
        AwsErrorClassifier.classify(400, headers::get, body, body.length).code());
    headers.put("x-amzn-query-error", ";Sender");
    headers.put("X-Amzn-ErrorType", " ");
    assertEquals("BodyError", AwsErrorClassifier.classify(400, headers::get, body, body.length).code());
  }

  @Test
  void aFailingHeaderAdapterOnlyLosesTheHeaders() {
    byte[] body = bytes("{\"__type\":\"BodyError\"}");
    AwsErrorCode error = AwsErrorClassifier.classify(400, name -> {
      throw new IllegalStateException("client library changed");
    }, body, body.length);
    assertEquals("BodyError", error.code());
  }

  @Test
  void readsOnlyTheValidPrefixOfTheBuffer() {
    byte[] buffer = bytes("\uFEFF \n{\"__type\":\"FooError\"}   trailing junk that is not JSON");
    assertEquals("FooError", AwsErrorClassifier.classify(400, null, buffer, buffer.length).code());
    assertEquals("FooError", AwsErrorClassifier.classify(400, null, buffer, buffer.length + 100).code());
    assertNull(AwsErrorClassifier.classify(400, null, buffer, 12).code());
    assertNull(AwsErrorClassifier.classify(400, null, buffer, -1).code());
  }

  @Test
  void readsNoFurtherThanTheScanLimit() {
    String padding = " ".repeat(AwsErrorClassifier.BODY_SCAN_LIMIT);
    assertNull(code(padding + "{\"__type\":\"FooError\"}"));
    assertEquals("FooError", code("{\"__type\":\"FooError\",\"message\":\"" + "x".repeat(20_000) + "\"}"));
  }

  @Test
  void normalizationStripsNamespaceAndUri() {
    assertEquals("FooError", AwsErrorClassifier.normalize("FooError"));
    assertEquals("FooError", AwsErrorClassifier.normalize("ns.a#FooError"));
    assertEquals("FooError", AwsErrorClassifier.normalize("FooError:http://internal.amazon.com/a#b"));
    assertEquals("FooError", AwsErrorClassifier.normalize("ns#FooError:http://internal.amazon.com/"));
    assertNull(AwsErrorClassifier.normalize("ns#"));
    assertNull(AwsErrorClassifier.normalize(":http://x"));
    assertNull(AwsErrorClassifier.normalize(null));
  }

  // --- corpus reading ---------------------------------------------------------------------------------------------

  private static String code(String body) {
    return classify(400, body).code();
  }

  private static AwsErrorCode classify(int status, String body) {
    byte[] bytes = bytes(body);
    return AwsErrorClassifier.classify(status, null, bytes, bytes.length);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String expectedCode(Path expected) throws IOException {
    return JSON.readTree(expected.toFile()).get("Error").get("Code").asText();
  }

  private static Path sibling(Path file, String extension) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
  }

  private static List<Path> list(Path dir, String extension) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
    }
  }
}
