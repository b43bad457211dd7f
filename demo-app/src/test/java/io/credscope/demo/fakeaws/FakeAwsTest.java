package io.credscope.demo.fakeaws;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.StsClient;

class FakeAwsTest {

  private static final String ROLES_PATH = "/latest/meta-data/iam/security-credentials/";
  private static final String EC2_DESCRIBE_INSTANCES = "Action=DescribeInstances&Version=2016-11-15";

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeAws aws;
  private DemoKeys keys;

  @BeforeEach
  void start() {
    aws = FakeAws.start();
    keys = aws.createUserKey("test-user");
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void stsAnswersAsTheSigningKey() {
    try (StsClient sts = sts(keys, true)) {
      assertEquals("arn:aws:iam::123456789012:user/test-user", sts.getCallerIdentity().arn());
    }
    DemoKeys stranger = DemoKeys.longTerm();
    try (StsClient sts = sts(stranger, true)) {
      AwsServiceException e = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
      assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
      assertEquals(403, e.statusCode());
    }
  }

  @Test
  void stsThrottlingWithoutRetries() {
    try (StsClient sts = sts(keys, false)) {
      assertThrottledOnce(aws.sts(), sts::getCallerIdentity, "Throttling", 400);
    }
  }

  @Test
  void s3ThrottlingWithoutRetries() {
    try (S3Client s3 = s3(false)) {
      assertThrottledOnce(aws.s3(), s3::listBuckets, "SlowDown", 503);
      assertEquals(List.of(FakeS3.BUCKET), s3.listBuckets().buckets().stream().map(Bucket::name).toList());
    }
  }

  @Test
  void dynamoDbThrottlingWithoutRetries() {
    try (DynamoDbClient dynamoDb = dynamoDb(false)) {
      assertThrottledOnce(aws.dynamoDb(), dynamoDb::listTables, "ThrottlingException", 400);
      assertEquals(List.of(FakeDynamoDb.TABLE), dynamoDb.listTables().tableNames());
    }
  }

  /** Each service's own validation error: a 400 that no SDK takes for throttling, and nothing retries. */
  @Test
  void rejectNextAnswersEachServicesValidationErrorOnce() {
    try (StsClient sts = sts(keys, true); S3Client s3 = s3(true); DynamoDbClient dynamoDb = dynamoDb(true)) {
      assertRejectedOnce(aws.sts(), sts::getCallerIdentity, "ValidationError");
      assertRejectedOnce(aws.s3(), s3::listBuckets, "InvalidArgument");
      assertRejectedOnce(aws.dynamoDb(), dynamoDb::listTables, "ValidationException");
    }
  }

  @Test
  void throttleForeverThrottlesEveryRequestUntilToldOtherwise() {
    try (DynamoDbClient dynamoDb = dynamoDb(false)) {
      aws.dynamoDb().throttleForever();
      for (int call = 0; call < 5; call++) {
        AwsServiceException e = assertThrows(AwsServiceException.class, dynamoDb::listTables);
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
      }
      aws.dynamoDb().throttleNext(0);
      assertEquals(List.of(FakeDynamoDb.TABLE), dynamoDb.listTables().tableNames());
    }
  }

  /** Throttling, when both are due, comes before the validation error. */
  @Test
  void throttlingComesBeforeRejection() throws Exception {
    aws.dynamoDb().throttleNext(1);
    aws.dynamoDb().rejectNext(1);
    assertEquals("ThrottlingException", send(dynamoDbListTables()).headers().firstValue("x-amzn-ErrorType").get());
    assertEquals("ValidationException", send(dynamoDbListTables()).headers().firstValue("x-amzn-ErrorType").get());
    assertEquals(200, send(dynamoDbListTables()).statusCode());
  }

  @Test
  void retryAfterRidesOnThrottlingResponsesOnly() throws Exception {
    aws.dynamoDb().retryAfterSeconds(2);
    aws.dynamoDb().throttleNext(1);
    aws.dynamoDb().rejectNext(1);
    HttpResponse<String> throttled = send(dynamoDbListTables());
    assertEquals(400, throttled.statusCode());
    assertEquals(List.of("2"), throttled.headers().allValues("Retry-After"));
    HttpResponse<String> rejected = send(dynamoDbListTables());
    assertTrue(rejected.body().contains("ValidationException"), rejected.body());
    assertEquals(List.of(), rejected.headers().allValues("Retry-After"));
    assertEquals(List.of(), send(dynamoDbListTables()).headers().allValues("Retry-After"));
    assertThrows(IllegalArgumentException.class, () -> aws.dynamoDb().retryAfterSeconds(-1));
  }

  /** Each request's arrival, in order, within the time its caller spent sending it. */
  @Test
  void arrivalsAreTheNanoTimesOfEachRequest() throws Exception {
    List<Long> sent = new ArrayList<>();
    for (int call = 0; call < 3; call++) {
      sent.add(System.nanoTime());
      send(dynamoDbListTables());
      sent.add(System.nanoTime());
    }
    List<Long> arrivals = aws.dynamoDb().arrivals();
    assertEquals(3, arrivals.size());
    for (int call = 0; call < 3; call++) {
      long arrival = arrivals.get(call);
      assertTrue(sent.get(2 * call) <= arrival && arrival <= sent.get(2 * call + 1), "call " + call);
    }
  }

  @Test
  void arrivalsKeepTheLastTenThousand() {
    FakeService fake = aws.imds();
    for (long arrival = 0; arrival <= FakeService.ARRIVALS_KEPT; arrival++) {
      fake.recordArrival(arrival);
    }
    List<Long> arrivals = fake.arrivals();
    assertEquals(10_000, arrivals.size());
    assertEquals(1, arrivals.get(0), "the oldest arrival was dropped");
    assertEquals(10_000, arrivals.get(arrivals.size() - 1));
  }

  @Test
  void ec2DescribesTheInstanceToTheKeysItKnows() throws Exception {
    HttpResponse<String> described = send(ec2DescribeInstances(keys));
    assertEquals(200, described.statusCode(), described.body());
    assertTrue(described.body().contains("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
        && described.body().contains("<instanceId>" + FakeImds.INSTANCE_ID + "</instanceId>"), described.body());
    assertEc2Error(send(ec2DescribeInstances(DemoKeys.longTerm())), 401, "AuthFailure");
    HttpResponse<String> unsigned = send(HttpRequest.newBuilder(aws.ec2().endpoint())
        .POST(HttpRequest.BodyPublishers.ofString(EC2_DESCRIBE_INSTANCES)));
    assertEc2Error(unsigned, 401, "AuthFailure");
  }

  @Test
  void ec2ThrottlesAndRejectsInItsOwnErrorShape() throws Exception {
    aws.ec2().throttleNext(1);
    aws.ec2().rejectNext(1);
    assertEc2Error(send(ec2DescribeInstances(keys)), 503, "RequestLimitExceeded");
    assertEc2Error(send(ec2DescribeInstances(keys)), 400, "InvalidParameterValue");
    assertEquals(200, send(ec2DescribeInstances(keys)).statusCode());
    assertEquals(3, aws.ec2().requests());
  }

  @Test
  void defaultRetriesRideOutTwoThrottles() {
    try (StsClient sts = sts(keys, true); S3Client s3 = s3(true); DynamoDbClient dynamoDb = dynamoDb(true)) {
      assertSucceedsOnThirdAttempt(aws.sts(), sts::getCallerIdentity);
      assertSucceedsOnThirdAttempt(aws.s3(), s3::listBuckets);
      assertSucceedsOnThirdAttempt(aws.dynamoDb(), dynamoDb::listTables);
    }
  }

  @Test
  void imdsRequiresATokenUnlessV1IsAccepted() throws Exception {
    URI roles = aws.imds().endpoint().resolve(ROLES_PATH);
    HttpResponse<String> tokenless = send(HttpRequest.newBuilder(roles).GET());
    assertEquals(401, tokenless.statusCode());
    assertEquals(1, aws.imds().tokenlessReads());

    HttpResponse<String> token = send(HttpRequest.newBuilder(aws.imds().endpoint().resolve("/latest/api/token"))
        .header("X-aws-ec2-metadata-token-ttl-seconds", "21600")
        .PUT(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, token.statusCode());
    HttpResponse<String> withToken = send(HttpRequest.newBuilder(roles)
        .header("X-aws-ec2-metadata-token", token.body()).GET());
    assertEquals(200, withToken.statusCode());
    assertEquals(FakeImds.ROLE, withToken.body());
    assertEquals(1, aws.imds().tokenlessReads());

    HttpResponse<String> forgedToken = send(HttpRequest.newBuilder(roles)
        .header("X-aws-ec2-metadata-token", "not-a-token").GET());
    assertEquals(401, forgedToken.statusCode());

    aws.imds().acceptV1(true);
    HttpResponse<String> v1 = send(HttpRequest.newBuilder(roles).GET());
    assertEquals(200, v1.statusCode());
    assertEquals(FakeImds.ROLE, v1.body());
    assertEquals(2, aws.imds().tokenlessReads());
  }

  @Test
  void sdkInstanceProfileProviderResolvesTheRoleKeysOverImdsV2() {
    try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
        .endpoint(aws.imds().endpoint().toString())
        .asyncCredentialUpdateEnabled(false)
        .build()) {
      AwsCredentials credentials = provider.resolveCredentials();
      DemoKeys role = aws.imds().roleKeys();
      assertEquals(role.accessKeyId(), credentials.accessKeyId());
      assertEquals(role.secretAccessKey(), credentials.secretAccessKey());
      assertEquals(role.sessionToken(), ((AwsSessionCredentials) credentials).sessionToken());
    }
    // IMDSv2 only: had the SDK fallen back to v1, the fake would have refused it with a 401.
    assertEquals(0, aws.imds().tokenlessReads());
  }

  @Test
  void containerEndpointRequiresTheAuthorizationToken() throws Exception {
    URI uri = URI.create(aws.container().fullUri());
    assertEquals(401, send(HttpRequest.newBuilder(uri).GET()).statusCode());
    assertEquals(401, send(HttpRequest.newBuilder(uri).header("Authorization", "wrong").GET()).statusCode());

    HttpResponse<String> authorized = send(HttpRequest.newBuilder(uri)
        .header("Authorization", FakeAws.CONTAINER_AUTHORIZATION_TOKEN).GET());
    assertEquals(200, authorized.statusCode());
    assertTrue(authorized.body().contains("\"AccessKeyId\":\"" + aws.container().roleKeys().accessKeyId() + "\""),
        authorized.body());
  }

  /**
   * The SDK's own client, given only a region, calls STS and the SSO portal by their AWS host names;
   * the proxy tunnels to the fakes with a certificate the SDK verifies like any other.
   */
  @Test
  void awsHostNamesAnswerThroughTheProxyWithAVerifiedCertificate() throws Exception {
    try (SdkHttpClient http = proxied(); StsClient sts = StsClient.builder().httpClient(http).region(Region.US_EAST_1)
        .credentialsProvider(credentials(keys)).build()) {
      assertEquals("arn:aws:iam::123456789012:user/test-user", sts.getCallerIdentity().arn());
    }
    try (SdkHttpClient http = proxied(); SsoClient sso = SsoClient.builder().httpClient(http)
        .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
      RoleCredentials role = sso.getRoleCredentials(request -> request.accountId(Identities.ACCOUNT)
          .roleName("DemoDeveloper").accessToken(aws.sso().accessToken())).roleCredentials();
      assertEquals(aws.sso().issuedKeys().get(0).accessKeyId(), role.accessKeyId());
      assertTrue(role.expiration() > System.currentTimeMillis(), "epoch milliseconds, an hour ahead");
      assertThrows(UnauthorizedException.class, () -> sso.getRoleCredentials(request -> request
          .accountId(Identities.ACCOUNT).roleName("DemoDeveloper").accessToken("not-the-token")));
    }
    assertTrue(aws.proxy().tunnels().containsAll(List.of("sts.us-east-1.amazonaws.com",
        "portal.sso.us-east-1.amazonaws.com")), aws.proxy().tunnels().toString());
  }

  /** Nothing leaves the machine: a host no fake stands for gets no tunnel. */
  @Test
  void theProxyOpensNoTunnelToOtherHosts() throws Exception {
    try (SdkHttpClient http = proxied(); DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http)
        .region(Region.US_EAST_1).credentialsProvider(credentials(keys))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      // Apache 4 hands the proxy's refusal to the SDK as the response: a 502 that is not DynamoDB's.
      assertThrows(SdkException.class, dynamoDb::listTables);
    }
    assertEquals(List.of("dynamodb.us-east-1.amazonaws.com"), aws.proxy().tunnels());
  }

  @Test
  void theRefusingEndpointRefuses() {
    assertThrows(ConnectException.class,
        () -> new Socket(InetAddress.getLoopbackAddress(), aws.refusing().port()).close());
  }

  /** An Apache client as the SDKs build one from the JVM's proxy settings, trusting the fake certificate only. */
  private SdkHttpClient proxied() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(FakeCertificate.get().trustStore())) {
      trusted.load(in, FakeCertificate.get().trustStorePassword().toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    return ApacheHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers)
        .proxyConfiguration(ProxyConfiguration.builder().useSystemPropertyValues(false)
            .endpoint(URI.create("http://127.0.0.1:" + aws.proxy().port())).build())
        .build();
  }

  private static void assertThrottledOnce(FakeService fake, Executable call, String code, int status) {
    fake.throttleNext(1);
    int before = fake.requests();
    AwsServiceException e = assertThrows(AwsServiceException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals(status, e.statusCode());
    assertTrue(e.isThrottlingException(), () -> code + " not seen as throttling");
    assertEquals(before + 1, fake.requests(), "retries were meant to be off");
    assertDoesNotThrow(call);
    assertEquals(before + 2, fake.requests());
  }

  private static void assertRejectedOnce(FakeService fake, Executable call, String code) {
    fake.rejectNext(1);
    int before = fake.requests();
    AwsServiceException e = assertThrows(AwsServiceException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertFalse(e.isThrottlingException(), () -> code + " seen as throttling");
    assertEquals(before + 1, fake.requests(), "a validation error is not retried");
    assertDoesNotThrow(call);
  }

  /** EC2's own error document, as botocore's ec2-describe-instances.xml has it. */
  private static void assertEc2Error(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><Response><Errors><Error><Code>" + code
        + "</Code><Message>[^<]+</Message></Error></Errors><RequestID>[^<]+</RequestID></Response>"), response.body());
  }

  private HttpRequest.Builder ec2DescribeInstances(DemoKeys signer) {
    return HttpRequest.newBuilder(aws.ec2().endpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", authorization(signer, "ec2"))
        .POST(HttpRequest.BodyPublishers.ofString(EC2_DESCRIBE_INSTANCES));
  }

  private HttpRequest.Builder dynamoDbListTables() {
    return HttpRequest.newBuilder(aws.dynamoDb().endpoint())
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .header("Authorization", authorization(keys, "dynamodb"))
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
  }

  /** The fakes know a signer by the access key id in the Authorization header; they do not check the signature. */
  private static String authorization(DemoKeys signer, String service) {
    return "AWS4-HMAC-SHA256 Credential=" + signer.accessKeyId() + "/20260101/us-east-1/" + service
        + "/aws4_request, SignedHeaders=host, Signature=0";
  }

  private static void assertSucceedsOnThirdAttempt(FakeService fake, Executable call) {
    fake.throttleNext(2);
    int before = fake.requests();
    assertDoesNotThrow(call);
    assertEquals(before + 3, fake.requests());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private StsClient sts(DemoKeys signer, boolean retries) {
    return client(StsClient.builder(), signer, aws.sts(), retries);
  }

  private S3Client s3(boolean retries) {
    return client(S3Client.builder()
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()), keys, aws.s3(), retries);
  }

  private DynamoDbClient dynamoDb(boolean retries) {
    return client(DynamoDbClient.builder(), keys, aws.dynamoDb(), retries);
  }

  // RetryPolicy and the Apache 4 client are deprecated in the newest SDK, but the oldest-sdks run needs APIs
  // that every 2.x release has.
  @SuppressWarnings("deprecation")
  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder,
      DemoKeys signer, FakeService fake, boolean retries) {
    builder.credentialsProvider(credentials(signer)).endpointOverride(fake.endpoint()).region(Region.US_EAST_1)
        .httpClientBuilder(ApacheHttpClient.builder());
    if (!retries) {
      builder.overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()));
    }
    return builder.build();
  }

  private static StaticCredentialsProvider credentials(DemoKeys signer) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(signer.accessKeyId(), signer.secretAccessKey()));
  }
}
