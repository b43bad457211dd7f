package io.credscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema accepts the README's own examples and refuses what the format does not allow. */
class AuditSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOLVED = "{\"v\":1,\"ts\":\"2026-11-22T10:27:32.955Z\",\"pid\":3995,"
      + "\"event\":\"credentials.resolved\",\"sdk\":\"v2\",\"source\":\"environment\","
      + "\"provider\":\"EnvironmentVariableCredentialsProvider\",\"key\":\"AKIA\u2026AIDM\",\"keyHash\":\"2faef55a3503\","
      + "\"keyType\":\"long-term\",\"chain\":\"DefaultCredentialsProvider\","
      + "\"caller\":\"io.credscope.demo.app.SdkV2Workload.round(SdkV2Workload.java:58)\"}";

  @BeforeEach
  void schemaIsChecked() {
    Assumptions.assumeFalse(AuditSchema.off(), "the build switched the schema check off for this SDK line");
  }

  private static JsonNode record(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void acceptsTheReadmesExamples() throws Exception {
    assertEquals(java.util.Set.of(), AuditSchema.problems(record(RESOLVED)));
    assertEquals(java.util.Set.of(), AuditSchema.problems(record("{\"v\":1,\"ts\":\"2026-11-22T16:02:11.514Z\","
        + "\"pid\":7310,\"event\":\"retry\",\"retrier\":\"credscope\",\"service\":\"dynamodb\",\"region\":\"us-east-1\","
        + "\"key\":\"AKIA\u2026MPLE\",\"keyType\":\"long-term\",\"source\":\"unknown\",\"operation\":\"ListTables\","
        + "\"code\":\"ThrottlingException\",\"status\":400,\"attempt\":1,\"maxAttempts\":4,\"delayMillis\":412,"
        + "\"ceilingMillis\":1000,\"library\":\"java.net.http.HttpClient\"}")));
  }

  @Test
  void refusesAnUndeclaredFieldAWrongVersionAndAValueOutsideAClosedSet() throws Exception {
    assertFalse(AuditSchema.problems(record(RESOLVED.replace("\"chain\"", "\"secretKey\":\"x\",\"chain\""))).isEmpty());
    assertFalse(AuditSchema.problems(record(RESOLVED.replace("\"v\":1", "\"v\":2"))).isEmpty());
    assertFalse(AuditSchema.problems(record(RESOLVED.replace("\"environment\"", "\"elsewhere\""))).isEmpty());
    assertFalse(AuditSchema.problems(record(RESOLVED.replace("2faef55a3503", "2FAEF55A3503"))).isEmpty());
    assertFalse(AuditSchema.problems(record(RESOLVED.replace("credentials.resolved", "credentials.guessed"))).isEmpty());
    assertTrue(AuditSchema.problems(record(RESOLVED.replace(",\"chain\":\"DefaultCredentialsProvider\"", "")))
        .isEmpty(), "chain is optional");
  }
}
