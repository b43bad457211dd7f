package io.credscope.demo.app;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sts.StsAsyncClient;

/**
 * AWS SDK for Java v2's asynchronous clients, on its Netty client ({@code --sdk-http netty}): the same calls as
 * {@link SdkV2Workload}, each awaited before the next.
 */
final class SdkV2AsyncWorkload implements Workload {

  private final SdkAsyncHttpClient http;
  private final StsAsyncClient sts;
  private final S3AsyncClient s3;
  private final DynamoDbAsyncClient dynamoDb;

  SdkV2AsyncWorkload(Endpoints endpoints, CredentialsMode mode, StaticKeys keys) {
    // The clients the SDK builds for itself (STS for web identity and roles, SSO) are synchronous, and 2.17 refuses
    // to choose among the synchronous ones on the class path.
    System.setProperty(SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property(),
        SdkV2HttpClient.APACHE.serviceClassName());
    http = NettyNioAsyncHttpClient.builder().build();
    AwsCredentialsProvider credentials = SdkV2Workload.credentials(mode, keys);
    AwsCredentialsProvider s3Credentials = SdkV2Workload.s3Credentials(mode, keys, credentials);
    sts = StsAsyncClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(credentials)
        .endpointOverride(endpoints.sts()).build();
    s3 = S3AsyncClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(s3Credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .endpointOverride(endpoints.s3()).build();
    dynamoDb = DynamoDbAsyncClient.builder().httpClient(http).region(Region.US_EAST_1)
        .credentialsProvider(credentials).endpointOverride(endpoints.dynamoDb()).build();
  }

  @Override
  public String sdk() {
    return "v2";
  }

  @Override
  public String sdkVersion() {
    return SdkV2Workload.release();
  }

  @Override
  public String round() {
    String caller = sts.getCallerIdentity().join().arn();
    s3.listBuckets().join();
    dynamoDb.listTables().join();
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
