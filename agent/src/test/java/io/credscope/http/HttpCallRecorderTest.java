package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.events.AwsCall;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.recorder.CredentialsRecorder;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The HTTP recorder without a JVM fork: what it makes of the plain strings the hooks hand over. */
class HttpCallRecorderTest {

  private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String OTHER_KEY = "AKIAI44QH8DHBEXAMPLE";

  private final List<Event> events = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final CredentialsRecorder credentials = new CredentialsRecorder(CredentialChainModel.ALL, events::add, clock);
  private final Properties properties = new Properties();
  private final HttpCallRecorder recorder =
      new HttpCallRecorder(credentials::resolutionOf, events::add, clock, properties, Map.of(),
          new CallRetries(null, event -> { }, Clock.systemUTC()));

  private static String authorization(String key, String region, String service) {
    return "AWS4-HMAC-SHA256 Credential=" + key + "/20261122/" + region + "/" + service + "/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  }

  private static String presignedQuery(String key, long expires) {
    return "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + key + "%2F20261122%2Feu-central-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20261122T100000Z&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
  }

  private boolean send(String host, int port, String method, String query, String authorization, String token,
      int status) {
    return recorder.exchange("test-client", method, host, port, query, authorization, token, status, null);
  }

  private <T extends Event> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  private List<String> findings() {
    return events(Finding.class).stream().map(Finding::id).collect(Collectors.toList());
  }

  @Test
  void theFirstCallAwsAcceptsOfAStaticKeyFromCodeIsTold() {
    StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "secret"));
    credentials.credentialsProvided(provider, provider.resolveCredentials());
    send("sts.us-east-1.amazonaws.com", 443, "POST", null, authorization(KEY, "us-east-1", "sts"), null, 403);
    assertTrue(events(io.credscope.events.KeyAccepted.class).isEmpty(), "a refusal proves nothing");
    send("sts.us-east-1.amazonaws.com", 443, "POST", null, authorization(KEY, "us-east-1", "sts"), null, 200);
    send("sts.us-east-1.amazonaws.com", 443, "POST", null, authorization(KEY, "us-east-1", "sts"), null, 200);
    List<io.credscope.events.KeyAccepted> accepted = events(io.credscope.events.KeyAccepted.class);
    assertEquals(1, accepted.size());
    assertEquals(KEY, accepted.get(0).identity().key().value());
    assertEquals(200, accepted.get(0).status());
    send("sts.us-east-1.amazonaws.com", 443, "POST", null, authorization(OTHER_KEY, "us-east-1", "sts"), null, 200);
    assertEquals(1, events(io.credscope.events.KeyAccepted.class).size(), "only keys built in code are checked");
  }

  @Test
  void aSigV4aCallIsInTheRegionSetItsHookHandsOver() {
    String sigV4a = "AWS4-ECDSA-P256-SHA256 Credential=" + KEY + "/20261122/s3/aws4_request, "
        + "SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045022100c2d9a5f0";
    recorder.sigV4aRegionSet("us-east-1,us-west-2");
    send("mrap.accesspoint.s3-global.amazonaws.com", 443, "GET", null, sigV4a, null, 200);
    send("mrap.accesspoint.s3-global.amazonaws.com", 443, "GET", null, sigV4a, null, 200);
    assertEquals(java.util.Arrays.asList("us-east-1,us-west-2", null),
        events(AwsCall.class).stream().map(call -> call.identity().region()).collect(Collectors.toList()));
    assertEquals(List.of("s3/unknown/unknown/success=1", "s3/us-east-1,us-west-2/unknown/success=1"),
        recorder.callCounts().stream().map(CallCount::toString).sorted().collect(Collectors.toList()),
        "the region set goes with its one request: the next, without one, has no region");
  }

  @Test
  void aCallNeitherSignedNorToImdsIsNothing() {
    assertFalse(send("example.com", 443, "GET", "page=1", "Bearer abc", null, 200));
    assertFalse(send("example.com", 443, "GET", null, null, null, 500));
    assertFalse(send("s3.amazonaws.com", 443, "GET", null, "AWS AKIAIOSFODNN7EXAMPLE:old-sigv2", null, 200));
    assertTrue(events.isEmpty());
    assertTrue(recorder.callCounts().isEmpty());
    assertFalse(recorder.imdsCounts().any());
  }

  @Test
  void theFirstSignedCallIsReportedLinkedToItsSourceAndEveryCallIsCounted() {
    StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "secret"));
    credentials.credentialsProvided(provider, provider.resolveCredentials());
    events.clear();

    assertFalse(send("dynamodb.eu-west-1.amazonaws.com", 443, "POST", null,
        authorization(KEY, "eu-west-1", "dynamodb"), null, 200));
    assertFalse(send("dynamodb.eu-west-1.amazonaws.com", 443, "POST", null,
        authorization(KEY, "eu-west-1", "dynamodb"), null, 200));
    assertTrue(send("dynamodb.eu-west-1.amazonaws.com", 443, "POST", null,
        authorization(KEY, "eu-west-1", "dynamodb"), null, 400), "an AWS error: a later step may read its body");

    List<AwsCall> calls = events(AwsCall.class);
    assertEquals(1, calls.size(), "once per (key, service, region, source): " + calls);
    AwsCall call = calls.get(0);
    assertEquals(KEY, call.identity().key().value());
    assertEquals("dynamodb", call.identity().service());
    assertEquals("eu-west-1", call.identity().region());
    assertEquals(CredentialSource.STATIC, call.identity().source());
    assertEquals("StaticCredentialsProvider", call.identity().provider());
    assertEquals("POST", call.method());
    assertEquals("dynamodb.eu-west-1.amazonaws.com", call.host());
    assertEquals("test-client", call.library());
    assertEquals(List.of("dynamodb/eu-west-1/static/client-error=1", "dynamodb/eu-west-1/static/success=2"),
        recorder.callCounts().stream().map(CallCount::toString).sorted().collect(Collectors.toList()));
  }

  @Test
  void aKeyCredscopeNeverSawResolvedIsUnknownAndEachScopeIsItsOwnCall() {
    send("sts.amazonaws.com", 443, "POST", null, authorization(OTHER_KEY, "us-east-1", "sts"), null, 200);
    send("sts.eu-west-1.amazonaws.com", 443, "POST", null, authorization(OTHER_KEY, "eu-west-1", "sts"), null, 200);
    send("sts.eu-west-1.amazonaws.com", 443, "POST", null, authorization(OTHER_KEY, "eu-west-1", "sts"), null, -1);
    List<AwsCall> calls = events(AwsCall.class);
    assertEquals(List.of("us-east-1", "eu-west-1"), calls.stream().map(call -> call.identity().region()).collect(Collectors.toList()));
    assertNull(calls.get(0).identity().source());
    assertEquals("unknown", calls.get(0).identity().sourceId());
    assertEquals(List.of("sts/eu-west-1/unknown/no-response=1", "sts/eu-west-1/unknown/success=1",
        "sts/us-east-1/unknown/success=1"),
        recorder.callCounts().stream().map(CallCount::toString).sorted().collect(Collectors.toList()));
  }

  /** Repeated calls skip the parse through the scope cache, which never keeps a key's source from being learnt. */
  @Test
  void aKeySeenOnTheWireBeforeItsResolutionIsAttributedFromThenOn() {
    String dynamoDb = authorization(KEY, "eu-west-1", "dynamodb");
    send("dynamodb.eu-west-1.amazonaws.com", 443, "POST", null, dynamoDb, null, 200);
    StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "secret"));
    credentials.credentialsProvided(provider, provider.resolveCredentials());
    for (int call = 0; call < 3; call++) {
      send("dynamodb.eu-west-1.amazonaws.com", 443, "POST", null, dynamoDb, null, 200);
    }
    send("s3.eu-west-1.amazonaws.com", 443, "GET", null, authorization(KEY, "eu-west-1", "s3"), null, 200);
    assertEquals(List.of("unknown", "static", "static"),
        events(AwsCall.class).stream().map(call -> call.identity().sourceId()).collect(Collectors.toList()));
    assertEquals(List.of("dynamodb/eu-west-1/static/success=3", "dynamodb/eu-west-1/unknown/success=1",
        "s3/eu-west-1/static/success=1"),
        recorder.callCounts().stream().map(CallCount::toString).sorted().collect(Collectors.toList()));
  }

  @Test
  void aPresignedUrlIsACallAndALongExpiryIsAFindingOnce() {
    send("bucket.s3.amazonaws.com", 443, "GET", presignedQuery(OTHER_KEY, 3600), null, null, 200);
    assertEquals(List.of(), findings(), "an hour is fine");
    send("bucket.s3.amazonaws.com", 443, "GET", "/report.csv?" + presignedQuery(OTHER_KEY, 172800), null, null, 200);
    send("bucket.s3.amazonaws.com", 443, "GET", presignedQuery(OTHER_KEY, 604800), null, null, 200);
    List<AwsCall> calls = events(AwsCall.class);
    assertEquals(1, calls.size());
    assertTrue(calls.get(0).presigned());
    assertEquals("s3", calls.get(0).identity().service());
    assertEquals(List.of("PRESIGNED_URL_LONG_EXPIRY"), findings());
    Finding finding = events(Finding.class).get(0);
    assertEquals(Finding.Severity.LOW, finding.severity());
    assertEquals("172800", finding.evidence().get("expiresSeconds"));
    assertTrue(finding.summary().contains("48 hours"), finding.summary());
  }

  @Test
  void aTokenlessReadFromImdsIsImdsV1OncePerCodeLocation() {
    for (int i = 0; i < 3; i++) {
      send("169.254.169.254", -1, "GET", null, null, null, 200);
    }
    assertEquals(List.of("IMDSV1_CALL"), findings());
    Finding finding = events(Finding.class).get(0);
    assertEquals(Finding.Severity.HIGH, finding.severity());
    assertEquals("test-client", finding.evidence().get("library"));
    assertEquals("169.254.169.254", finding.evidence().get("endpoint"));
    assertNull(finding.sdk(), "no SDK made this call");
    assertEquals(3, recorder.imdsCounts().v1Reads());
    send("[fd00:ec2::254]", 80, "GET", null, null, null, 200);
    assertEquals(4, recorder.imdsCounts().v1Reads(), "the IPv6 address too");
  }

  @Test
  void imdsV2IsCountedNotFlagged() {
    send("169.254.169.254", 80, "PUT", null, null, null, 200);
    send("169.254.169.254", 80, "GET", null, null, "token", 200);
    send("169.254.169.254", 80, "GET", null, null, "token", 200);
    assertEquals(List.of(), findings());
    ImdsCounts counts = recorder.imdsCounts();
    assertEquals(1, counts.tokenRequests());
    assertEquals(0, counts.failedTokenRequests());
    assertEquals(2, counts.v2Reads());
    assertEquals(0, counts.v1Reads());
  }

  @Test
  void aTokenlessReadAfterAFailedTokenRequestIsTheFallback() {
    send("169.254.169.254", 80, "PUT", null, null, null, 403);
    send("169.254.169.254", 80, "GET", null, null, null, 200);
    assertEquals(List.of("IMDSV1_FALLBACK"), findings());
    assertEquals("HTTP 403", events(Finding.class).get(0).evidence().get("tokenRequest"));
    assertEquals(1, recorder.imdsCounts().failedTokenRequests());
  }

  @Test
  void aTimedOutTokenRequestCountsAsFailedToo() {
    recorder.exchange("test-client", "PUT", "169.254.169.254", 80, null, null, null, -1,
        new java.net.SocketTimeoutException("Read timed out"));
    send("169.254.169.254", 80, "GET", null, null, null, 200);
    assertEquals(List.of("IMDSV1_FALLBACK"), findings());
    assertEquals("SocketTimeoutException", events(Finding.class).get(0).evidence().get("tokenRequest"));
  }

  @Test
  void theConfiguredEndpointIsImdsOnItsPortOnly() {
    properties.setProperty("aws.ec2MetadataServiceEndpoint", "http://127.0.0.1:18123");
    send("127.0.0.1", 18124, "GET", null, null, null, 200);
    assertEquals(List.of(), findings(), "another port on the same host is another service");
    send("127.0.0.1", 18123, "GET", null, null, null, 200);
    assertEquals(List.of("IMDSV1_CALL"), findings());
  }

  @Test
  void anAsynchronousCallIsCountedWhenItCompletes() {
    CompletableFuture<Object> pending = new CompletableFuture<>();
    Object pendingExchange = recorder.exchangeSending("java.net.http.HttpClient", "GET", "s3.amazonaws.com",
        443, null, authorization(KEY, "us-east-1", "s3"), null, null, null, null);
    recorder.exchangeStarted(pendingExchange, pending);
    assertEquals(1, events(AwsCall.class).size(), "reported when sent");
    assertTrue(recorder.callCounts().isEmpty(), "counted when answered");
    pending.completeExceptionally(new IOException("reset"));
    assertEquals(List.of("s3/us-east-1/unknown/no-response=1"),
        recorder.callCounts().stream().map(CallCount::toString).collect(Collectors.toList()));
  }

  @Test
  void anAsynchronousTokenRequestThatFailsLeadsToTheFallback() {
    CompletableFuture<Object> pending = new CompletableFuture<>();
    Object pendingExchange = recorder.exchangeSending("test-client", "PUT", "169.254.169.254", 80, null, null, null,
        null, null, null);
    recorder.exchangeStarted(pendingExchange, pending);
    pending.completeExceptionally(new IOException("timed out"));
    send("169.254.169.254", 80, "GET", null, null, null, 200);
    assertEquals(List.of("IMDSV1_FALLBACK"), findings());
  }

  @Test
  void hostsAreComparedWithoutBracketsOrCase() {
    assertTrue(ImdsEndpoints.sameHost("[FD00:EC2::254]", ImdsEndpoints.IPV6));
    assertTrue(ImdsEndpoints.sameHost("169.254.169.254", ImdsEndpoints.IPV4));
    assertFalse(ImdsEndpoints.sameHost("169.254.169.25", ImdsEndpoints.IPV4));
    assertFalse(ImdsEndpoints.sameHost("[169.254.169.254", ImdsEndpoints.IPV4));
  }

  /**
   * An error whose body the application never reads leaves its call waiting in a thread-local for as long as the
   * thread lives: without the presigned URL's signature or session token, but with what names its operation.
   */
  @Test
  void anErrorWaitingOnItsThreadKeepsNoSignatureAndNoToken() throws Exception {
    String token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
    String target = "/report.csv?Action=GetObject&" + presignedQuery(KEY, 3600) + "&X-Amz-Security-Token=" + token;
    assertTrue(send("bucket.s3.amazonaws.com", 443, "GET", target, null, null, 403), "an AWS error");
    AwsErrors.ErroredCall waiting = recorder.erroredCalls.get();
    for (java.lang.reflect.Field field : AwsErrors.ErroredCall.class.getDeclaredFields()) {
      Object value = field.get(waiting);
      if (value instanceof String) {
        assertFalse(((String) value).contains("X-Amz-Signature") || ((String) value).contains(token)
            || ((String) value).contains("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"),
            field.getName() + " = " + value);
      }
    }
    byte[] body = "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>".getBytes();
    recorder.errorResponse(null, null, null, body, body.length);
    assertNull(recorder.erroredCalls.get(), "handed over, and gone");
    assertEquals(List.of("GetObject"), events(io.credscope.events.AwsError.class).stream()
        .map(io.credscope.events.AwsError::operation).collect(Collectors.toList()));
  }
}
