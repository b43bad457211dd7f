package io.credscope.demo.app;

import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.securitytoken.AWSSecurityTokenService;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import com.amazonaws.util.VersionInfoUtils;

/** AWS SDK for Java v1 clients. */
final class SdkV1Workload implements Workload {

  private static final String REGION = "us-east-1";

  private final AWSSecurityTokenService sts;
  private final AmazonS3 s3;
  private final AmazonDynamoDB dynamoDb;

  /**
   * @param keys keys to build the clients with, or {@code null} for the SDK's default chain
   * @param custom whether the keys come through the application's own provider rather than a static one
   */
  SdkV1Workload(Endpoints endpoints, StaticKeys keys, boolean custom) {
    AWSCredentialsProvider credentials = keys == null ? null
        : custom ? new VaultCredentialsProviderV1(keys)
        : new AWSStaticCredentialsProvider(new BasicAWSCredentials(keys.accessKeyId(), keys.secretAccessKey()));
    sts = AWSSecurityTokenServiceClientBuilder.standard().withCredentials(credentials)
        .withEndpointConfiguration(new EndpointConfiguration(endpoints.sts().toString(), REGION)).build();
    s3 = AmazonS3ClientBuilder.standard().withPathStyleAccessEnabled(true).withCredentials(credentials)
        .withEndpointConfiguration(new EndpointConfiguration(endpoints.s3().toString(), REGION)).build();
    dynamoDb = AmazonDynamoDBClientBuilder.standard().withCredentials(credentials)
        .withEndpointConfiguration(new EndpointConfiguration(endpoints.dynamoDb().toString(), REGION)).build();
  }

  @Override
  public String sdk() {
    return "v1";
  }

  @Override
  public String sdkVersion() {
    return VersionInfoUtils.getVersion();
  }

  @Override
  public String round() {
    String caller = sts.getCallerIdentity(new GetCallerIdentityRequest()).getArn();
    s3.listBuckets();
    dynamoDb.listTables();
    return caller;
  }

  @Override
  public void close() {
    sts.shutdown();
    s3.shutdown();
    dynamoDb.shutdown();
  }
}
