package io.credscope.awserrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ThrottlingCodesTest {

  private static final Path CORPORA = Path.of("../../shared/corpora");
  private static final Path CODES_FILE = CORPORA.resolve("throttling-error-codes/throttling-error-codes.json");
  private static final Path DYNAMODB_BODY =
      CORPORA.resolve("botocore-retry-and-errors/response-parsing/json/errors/dynamodb-put-item.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode codesFile() throws IOException {
    return JSON.readTree(CODES_FILE.toFile());
  }

  @Test
  void everyCodeAnySdkListsIsThrottlingAndNothingElse() throws IOException {
    Set<String> union = new TreeSet<>();
    int lists = 0;
    for (JsonNode list : codesFile().get("sdk_lists")) {
      lists++;
      for (JsonNode code : list.get("codes")) {
        union.add(code.asText());
        assertTrue(ThrottlingCodes.isThrottling(code.asText(), 400), list.get("sdk").asText() + ": " + code);
        assertTrue(ThrottlingCodes.isThrottling(code.asText(), 503), code.asText());
        assertTrue(ThrottlingCodes.isThrottlingCode(code.asText()), code.asText());
      }
    }
    assertEquals(4, lists, "botocore, Go v2, Rust and Java v2");
    assertEquals(14, union.size(), "SOURCES.md: the same 14 codes in botocore, Go v2 and Rust");
    // The hard-coded set is exactly the corpus's union: no code forgotten, none invented.
    assertEquals(union, new TreeSet<>(ThrottlingCodes.codes()));
  }

  @Test
  void everyCodeOfBotocoresLegacyRetryRulesIsThrottlingAtItsStatus() throws IOException {
    for (JsonNode pair : codesFile().get("legacy_botocore_retry_json").get("status_code_pairs")) {
      int status = pair.get("status").asInt();
      if (pair.get("code").isNull()) {
        continue;
      }
      assertTrue(ThrottlingCodes.isThrottling(pair.get("code").asText(), status), pair.toString());
    }
  }

  @Test
  void status429IsThrottlingWhateverTheCode() {
    assertTrue(ThrottlingCodes.isThrottling(null, 429));
    assertTrue(ThrottlingCodes.isThrottling("", 429));
    assertTrue(ThrottlingCodes.isThrottling("ValidationException", 429));
    assertTrue(ThrottlingCodes.isThrottling("AccessDenied", ThrottlingCodes.TOO_MANY_REQUESTS));
  }

  @Test
  void otherErrorsAreNotThrottling() {
    assertFalse(ThrottlingCodes.isThrottling("ValidationException", 400));
    assertFalse(ThrottlingCodes.isThrottling("AccessDenied", 403));
    assertFalse(ThrottlingCodes.isThrottling("AccessDeniedException", 400));
    assertFalse(ThrottlingCodes.isThrottling(null, 503));
    assertFalse(ThrottlingCodes.isThrottling("RequestTimeout", 400), "transient, not throttling");
    // Codes compare exactly, with case, as in every SDK.
    assertFalse(ThrottlingCodes.isThrottling("throttling", 400));
    assertFalse(ThrottlingCodes.isThrottling("ns#ThrottlingException", 400), "normalizing is the classifier's job");
    // 509 is throttling-like only in botocore's legacy rules; no SDK's standard retry mode counts it.
    assertFalse(ThrottlingCodes.isThrottling(null, 509));
  }

  @Test
  void theCodeSetCannotBeChanged() {
    assertThrows(UnsupportedOperationException.class, () -> ThrottlingCodes.codes().add("Mine"));
  }

  @Test
  void dynamoDbsRealThrottlingBodyIsThrottling() throws IOException {
    byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20111205#ProvisionedThroughputExceededException\","
        + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}")
        .getBytes(StandardCharsets.UTF_8);
    AwsErrorCode error = AwsErrorClassifier.classify(400, name -> null, body, body.length);
    assertEquals("ProvisionedThroughputExceededException", error.code());
    assertTrue(error.throttling());

    byte[] corpusBody = Files.readAllBytes(DYNAMODB_BODY);
    AwsErrorCode fromCorpus = AwsErrorClassifier.classify(400, null, corpusBody, corpusBody.length);
    assertEquals("ProvisionedThroughputExceededException", fromCorpus.code());
    assertTrue(fromCorpus.throttling());
  }

  @Test
  void throttlingIsFoundInEveryProtocol() {
    byte[] slowDown = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
        + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
    assertTrue(AwsErrorClassifier.classify(503, null, slowDown, slowDown.length).throttling());

    byte[] ec2 = ("<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded."
        + "</Message></Error></Errors><RequestID>x</RequestID></Response>").getBytes(StandardCharsets.UTF_8);
    assertTrue(AwsErrorClassifier.classify(503, null, ec2, ec2.length).throttling());

    byte[] query = ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
        + "<Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(AwsErrorClassifier.classify(400, null, query, query.length).throttling());

    AwsErrorCode restJson = AwsErrorClassifier.classify(429,
        name -> name.equals("x-amzn-errortype")
            ? "TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.availability/" : null,
        null, 0);
    assertEquals("TooManyRequestsException", restJson.code());
    assertTrue(restJson.throttling());
  }
}
