package io.credscope.demo.app;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS SDK for Java v2 clients. */
final class SdkV2Workload implements Workload {

  private final SdkHttpClient http;
  private final StsClient sts;
  private final S3Client s3;
  private final DynamoDbClient dynamoDb;

  /** @param keys the keys the application read, for the modes that read any; else {@code null} */
  SdkV2Workload(Endpoints endpoints, CredentialsMode mode, StaticKeys keys, SdkV2HttpClient httpClient) {
    // The clients the SDK builds for itself (STS for web identity and roles, SSO) load theirs from the class path,
    // which has several: 2.17 refuses to choose, later releases pick Apache. The application names its choice.
    System.setProperty(SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property(), httpClient.serviceClassName());
    http = httpClient.build();
    AwsCredentialsProvider credentials = credentials(mode, keys);
    AwsCredentialsProvider s3Credentials = s3Credentials(mode, keys, credentials);
    sts = StsClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(credentials)
        .endpointOverride(endpoints.sts()).build();
    // Path-style through S3Configuration, which every 2.x release has (forcePathStyle came later).
    s3 = S3Client.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(s3Credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .endpointOverride(endpoints.s3()).build();
    dynamoDb = DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(credentials)
        .endpointOverride(endpoints.dynamoDb()).build();
  }

  /** What the application gives its clients in this mode; {@code null} for the SDK's default chain. */
  static AwsCredentialsProvider credentials(CredentialsMode mode, StaticKeys keys) {
    return switch (mode) {
      case DEFAULT, MIXED -> null;
      case STATIC -> staticProvider(keys);
      case CUSTOM -> new VaultCredentialsProvider(keys);
      case PROFILE -> ProfileCredentialsProvider.create();
      case LITERAL -> HardcodedCredentials.v2();
    };
  }

  /** In mixed mode, S3 alone gets the keys the application read. */
  static AwsCredentialsProvider s3Credentials(CredentialsMode mode, StaticKeys keys,
      AwsCredentialsProvider others) {
    return mode == CredentialsMode.MIXED ? staticProvider(keys) : others;
  }

  private static AwsCredentialsProvider staticProvider(StaticKeys keys) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
  }

  @Override
  public String sdk() {
    return "v2";
  }

  @Override
  public String sdkVersion() {
    return release();
  }

  /** Read at run time: the field is a constant, which javac would copy in from the SDK compiled against. */
  static String release() {
    try {
      return String.valueOf(VersionInfo.class.getField("SDK_VERSION").get(null));
    } catch (ReflectiveOperationException e) {
      return "unknown";
    }
  }

  @Override
  public String round() {
    String caller = sts.getCallerIdentity().arn();
    s3.listBuckets();
    dynamoDb.listTables();
    return caller;
  }

  @Override
  public void close() {
    sts.close();
    s3.close();
    dynamoDb.close();
    http.close();
  }
}
