package io.credscope.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written signer against AWS's own SigV4 test suite, as botocore keeps it (see SOURCES.md). */
class RawSignerTest {

  private static final Path SUITE = Path.of("../../shared/corpora/botocore-aws4-testsuite");
  private static final StaticKeys SUITE_KEYS =
      new StaticKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

  /** The suite's cases without a query string, which the demo's calls never have. */
  @ParameterizedTest
  @ValueSource(strings = {"get-vanilla", "get-header-value-trim", "post-vanilla", "post-header-key-case",
      "post-header-value-case", "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters"})
  void signsAsTheSuiteExpects(String name) throws Exception {
    Path folder = SUITE.resolve(name);
    String request = Files.readString(folder.resolve(name + ".req"), StandardCharsets.UTF_8);
    int headEnd = request.indexOf("\n\n");
    List<String> head = List.of((headEnd < 0 ? request : request.substring(0, headEnd)).split("\n"));
    String body = headEnd < 0 ? "" : request.substring(headEnd + 2);
    String[] requestLine = head.get(0).split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : head.subList(1, head.size())) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon), line.substring(colon + 1));
    }
    String authorization = new RawSigner(SUITE_KEYS, "us-east-1").authorization("service", requestLine[0],
        requestLine[1], headers, RawSigner.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Files.readString(folder.resolve(name + ".authz"), StandardCharsets.UTF_8).strip(), authorization);
  }

  /** What the application sends: its own date, the hash S3 wants, and a Host with the endpoint's port. */
  @Test
  void signsTheHeadersItAddsAndTheHostOfTheUri() {
    RawSigner signer = new RawSigner(SUITE_KEYS, "us-east-1");
    URI uri = URI.create("http://127.0.0.1:8080/");
    Instant now = Instant.parse("2015-08-30T12:36:00Z");
    byte[] empty = new byte[0];
    Map<String, String> s3 = signer.sign("s3", "GET", uri, Map.of(), empty, now);
    String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertEquals(List.of("x-amz-date", "x-amz-content-sha256", "Authorization"), List.copyOf(s3.keySet()));
    assertEquals("20150830T123600Z", s3.get("x-amz-date"));
    assertEquals(emptyHash, s3.get("x-amz-content-sha256"));
    assertEquals(signer.authorization("s3", "GET", "/", Map.of("Host", "127.0.0.1:8080",
        "X-Amz-Date", "20150830T123600Z", "X-Amz-Content-Sha256", emptyHash), emptyHash), s3.get("Authorization"));

    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> dynamoDb = signer.sign("dynamodb", "POST", uri,
        Map.of("Content-Type", "application/x-amz-json-1.0"), body, now);
    assertEquals(List.of("x-amz-date", "Authorization"), List.copyOf(dynamoDb.keySet()));
    assertTrue(dynamoDb.get("Authorization").matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
        + "dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}"),
        dynamoDb.get("Authorization"));
  }
}
