package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.awserrors.AwsErrorClassifier;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.events.AwsError;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.recorder.CredentialsRecorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.handler.ClientExecutionParams;

/** Error responses of AWS calls, as the hooks hand them to the HTTP recorder: classified, counted, and read back. */
class AwsErrorsTest {

  private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String TOKEN = "Zm9vYmFyLWVuY29kZWQtbWVzc2FnZQ_-abc123";

  private final List<Event> events = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final CredentialsRecorder credentials = new CredentialsRecorder(CredentialChainModel.ALL, events::add, clock);
  private final HttpCallRecorder recorder =
      new HttpCallRecorder(credentials::resolutionOf, events::add, clock, new Properties(), Map.of(),
          new CallRetries(null, event -> { }, Clock.systemUTC()));

  private static String authorization(String service) {
    return "AWS4-HMAC-SHA256 Credential=" + KEY + "/20261122/eu-west-1/" + service + "/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  }

  private boolean call(String service, String query, int status) {
    return recorder.exchange("test-client", "POST", service + ".eu-west-1.amazonaws.com", 443, query,
        authorization(service), null, status, null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<AwsError> errors() {
    return events.stream().filter(AwsError.class::isInstance).map(AwsError.class::cast).collect(Collectors.toList());
  }

  private List<Finding> findings() {
    return events.stream().filter(Finding.class::isInstance).map(Finding.class::cast).collect(Collectors.toList());
  }

  private List<String> errorCounts() {
    return recorder.errorCounts().stream().map(ErrorCount::toString).sorted().collect(Collectors.toList());
  }

  private List<String> throttleCounts() {
    return recorder.throttleCounts().stream().map(ErrorCount::toString).sorted().collect(Collectors.toList());
  }

  /**
   * A Query call sends its Action in a form body, which the hooks never read: made inside an SDK call, it takes that
   * call's name. Once the call is over, the thread's next call is unknown again.
   */
  @Test
  void aFormBodyCallInsideAnSdkCallTakesItsOperation() {
    byte[] body = bytes("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
        + "<Message>Rate exceeded</Message></Error></ErrorResponse>");
    Object outer = recorder.sdkOperationStarted(new ClientExecutionParams<>().withOperationName("GetCallerIdentity"));
    try {
      assertTrue(call("sts", "/", 400));
      recorder.errorResponse(null, null, null, body, body.length);
    } finally {
      recorder.sdkOperationEnded((String) outer);
    }
    assertTrue(call("sts", "/", 400));
    recorder.errorResponse(null, null, null, body, body.length);
    assertEquals(List.of("sts/GetCallerIdentity=1", "sts/unknown=1"), throttleCounts());
  }

  @Test
  void aThrottledJsonCallIsCountedPerOperationAndReportedOnce() {
    StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "secret"));
    credentials.credentialsProvided(provider, provider.resolveCredentials());
    byte[] body = bytes("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate\"}");
    for (int i = 0; i < 3; i++) {
      assertTrue(call("dynamodb", null, 400), "an AWS error: the hook hands over the body");
      recorder.errorResponse("DynamoDB_20120810.GetItem", null, null, body, body.length);
    }
    assertEquals(List.of("dynamodb/GetItem/ThrottlingException=3"), errorCounts());
    assertEquals(List.of("dynamodb/GetItem=3"), throttleCounts());
    List<AwsError> errors = errors();
    assertEquals(1, errors.size(), "once per (service, operation, code)");
    AwsError error = errors.get(0);
    assertEquals("ThrottlingException", error.code());
    assertEquals(400, error.status());
    assertTrue(error.throttling());
    assertEquals("GetItem", error.operation());
    assertEquals("eu-west-1", error.identity().region());
    assertEquals(CredentialSource.STATIC, error.identity().source());
    assertEquals(KEY, error.identity().key().value());
    assertEquals("test-client", error.library());
  }

  @Test
  void theHeadersComeFirstAndTheQueryNamesTheOperation() {
    assertTrue(call("sqs", "Action=SendMessage&Version=2012-11-05", 400));
    recorder.errorResponse(null, "AWS.SimpleQueueService.NonExistentQueue;Sender", "QueueDoesNotExist", null, 0);
    assertTrue(call("lambda", null, 429));
    recorder.errorResponse(null, null, "TooManyRequestsException:http://internal.amazon.com/", null, 0);
    assertTrue(call("ec2", "Action=DescribeInstances", 503));
    byte[] ec2 = bytes("<Response><Errors><Error><Code>RequestLimitExceeded</Code>"
        + "<Message>Request limit exceeded.</Message></Error></Errors></Response>");
    recorder.errorResponse(null, null, null, ec2, ec2.length);
    assertTrue(call("s3", null, 500));
    byte[] html = bytes("<html>proxy</html>");
    recorder.errorResponse(null, null, null, html, html.length);
    assertEquals(List.of("ec2/DescribeInstances/RequestLimitExceeded=1", "lambda/unknown/TooManyRequestsException=1",
        "s3/unknown/unknown=1", "sqs/SendMessage/AWS.SimpleQueueService.NonExistentQueue=1"), errorCounts());
    assertEquals(List.of("ec2/DescribeInstances=1", "lambda/unknown=1"), throttleCounts());
    assertNull(errors().stream().filter(e -> e.identity().service().equals("s3")).findFirst().get().code());
  }

  @Test
  void aStreamIsReadAheadBoundedAndGivenBackWhole() throws IOException {
    byte[] body = new byte[3 * AwsErrorClassifier.BODY_SCAN_LIMIT];
    byte[] xml = bytes("<?xml version=\"1.0\"?><Error><Code>SlowDown</Code><Message>Reduce your rate</Message>");
    System.arraycopy(xml, 0, body, 0, xml.length);
    ByteArrayInputStream source = new ByteArrayInputStream(body);
    assertTrue(call("s3", null, 503));
    InputStream replay = recorder.errorResponse(null, null, null, source);
    assertInstanceOf(ReplayingInputStream.class, replay);
    assertEquals(body.length - AwsErrorClassifier.BODY_SCAN_LIMIT, source.available(), "no more than the limit");
    assertArrayEquals(body, replay.readAllBytes());
    assertEquals(List.of("s3/unknown=1"), throttleCounts());
    assertEquals(List.of("s3/unknown/SlowDown=1"), errorCounts());
  }

  @Test
  void aBodyThatFailsToReadIsStillTheApplicationsAndTheHeadersStillCount() throws IOException {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("reset");
      }
    };
    assertTrue(call("kinesis", null, 400));
    InputStream replay = recorder.errorResponse("Kinesis_20131202.PutRecord", null, "LimitExceededException", failing);
    assertEquals("reset", assertThrows(IOException.class, replay::read).getMessage());
    assertEquals(List.of("kinesis/PutRecord/LimitExceededException=1"), errorCounts());
  }

  @Test
  void nothingIsReadWithoutAnAwsErrorJustReported() throws IOException {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("read a body it must not read");
      }
    };
    assertFalse(recorder.exchange("test-client", "GET", "example.com", 443, null, null, null, 500, null),
        "not an AWS call");
    assertSame(untouchable, recorder.errorResponse(null, null, null, untouchable));
    assertFalse(call("dynamodb", null, 200), "a success");
    assertSame(untouchable, recorder.errorResponse(null, null, null, untouchable));
    assertTrue(call("dynamodb", null, 400));
    recorder.errorResponse(null, null, "ValidationException", null, 0);
    assertSame(untouchable, recorder.errorResponse(null, null, null, untouchable), "the error was handed over once");
    assertEquals(List.of("dynamodb/unknown/ValidationException=1"), errorCounts());
  }

  @Test
  void anEncodedAuthorizationFailureIsAFindingOncePerToken() {
    StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "secret"));
    credentials.credentialsProvided(provider, provider.resolveCredentials());
    events.clear();
    byte[] body = bytes("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized "
        + "to perform this operation. Encoded authorization failure message: " + TOKEN + "</Message></Error>"
        + "</Errors><RequestID>x</RequestID></Response>");
    for (int i = 0; i < 2; i++) {
      assertTrue(call("ec2", "Action=RunInstances", 403));
      recorder.errorResponse(null, null, null, body, body.length);
    }
    byte[] other = bytes(new String(body, StandardCharsets.UTF_8).replace(TOKEN, TOKEN + "2"));
    assertTrue(call("ec2", "Action=RunInstances", 403));
    recorder.errorResponse(null, null, null, other, other.length);
    List<Finding> findings = findings();
    assertEquals(2, findings.size(), "once per distinct token");
    Finding finding = findings.get(0);
    assertEquals("ENCODED_AUTH_FAILURE", finding.id());
    assertEquals("info", finding.severity().id());
    assertEquals("aws sts decode-authorization-message --encoded-message " + TOKEN, finding.remedy());
    assertEquals("ec2", finding.evidence().get("service"));
    assertEquals("RunInstances", finding.evidence().get("operation"));
    assertEquals("UnauthorizedOperation", finding.evidence().get("code"));
    assertEquals(KEY, finding.key().value());
    assertTrue(finding.summary().contains(finding.key().masked()), finding.summary());
    assertFalse(finding.summary().contains(KEY), "the summary masks the key");
    assertFalse(finding.toString().contains("secret") || finding.evidence().toString().contains("secret"));
    assertEquals(List.of("ec2/RunInstances/UnauthorizedOperation=3"), errorCounts());
    assertTrue(throttleCounts().isEmpty());
  }

  @Test
  void aDenialGoesToThePermissionRuleOncePerKeyServiceAndOperation() {
    byte[] body = bytes("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"no\"}");
    for (String target : new String[] {"DynamoDB_20120810.GetItem", "DynamoDB_20120810.GetItem",
        "DynamoDB_20120810.PutItem"}) {
      assertTrue(call("dynamodb", null, 400));
      recorder.errorResponse(target, null, null, body, body.length);
    }
    assertTrue(call("dynamodb", null, 400));
    recorder.errorResponse("DynamoDB_20120810.Query", null, "ValidationException", null, 0);
    List<io.credscope.events.AwsError> denied = events.stream()
        .filter(io.credscope.events.CallDenied.class::isInstance)
        .map(event -> ((io.credscope.events.CallDenied) event).error()).collect(Collectors.toList());
    assertEquals(List.of("GetItem", "PutItem"),
        denied.stream().map(io.credscope.events.AwsError::operation).collect(Collectors.toList()));
    assertEquals("AccessDeniedException", denied.get(0).code());
    assertEquals(KEY, denied.get(0).identity().key().value());
    assertEquals("dynamodb", denied.get(0).identity().service());
  }

  @Test
  void anAsynchronousErrorIsClassifiedFromItsHandledBody() {
    CompletableFuture<Object> pending = new CompletableFuture<>();
    Object pendingExchange = recorder.exchangeSending("java.net.http.HttpClient", "POST",
        "dynamodb.eu-west-1.amazonaws.com", 443, null, authorization("dynamodb"), null, null, null, null);
    recorder.exchangeStarted(pendingExchange, pending);
    pending.complete(new Response(400, Map.of("Content-Type", List.of("application/x-amz-json-1.0")),
        "{\"__type\":\"ProvisionedThroughputExceededException\"}", "DynamoDB_20120810.Query"));
    CompletableFuture<Object> streamed = new CompletableFuture<>();
    Object streamedExchange = recorder.exchangeSending("java.net.http.HttpClient", "POST",
        "dynamodb.eu-west-1.amazonaws.com", 443, null, authorization("dynamodb"), null, null, null, null);
    recorder.exchangeStarted(streamedExchange, streamed);
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("an InputStream body is the application's");
      }
    };
    streamed.complete(new Response(400, Map.of("X-Amzn-ErrorType", List.of("ValidationException")), untouchable,
        "DynamoDB_20120810.Scan"));
    assertEquals(List.of("dynamodb/Query/ProvisionedThroughputExceededException=1",
        "dynamodb/Scan/ValidationException=1"), errorCounts());
    assertEquals(List.of("dynamodb/Query=1"), throttleCounts());
  }

  /** A {@code java.net.http} response whose body handler has run. */
  private record Response(int statusCode, Map<String, List<String>> headerMap, Object body, String amzTarget)
      implements HttpResponse<Object> {

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(URI.create("https://dynamodb.eu-west-1.amazonaws.com/"))
          .header("X-Amz-Target", amzTarget).build();
    }

    @Override
    public Optional<HttpResponse<Object>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(headerMap, (name, value) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request().uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
