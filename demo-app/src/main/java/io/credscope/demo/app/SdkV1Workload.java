package io.credscope.demo.app;

import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.profile.ProfileCredentialsProvider;
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

  /** @param keys the keys the application read, for the modes that read any; else {@code null} */
  SdkV1Workload(Endpoints endpoints, CredentialsMode mode, StaticKeys keys) {
    AWSCredentialsProvider credentials = switch (mode) {
      case DEFAULT, MIXED -> null;
      case STATIC -> staticProvider(keys);
      case CUSTOM -> new VaultCredentialsProviderV1(keys);
      case PROFILE -> new ProfileCredentialsProvider();
      case LITERAL -> HardcodedCredentials.v1();
    };
    AWSCredentialsProvider s3Credentials = mode == CredentialsMode.MIXED ? staticProvider(keys) : credentials;
    sts = AWSSecurityTokenServiceClientBuilder.standard().withCredentials(credentials)
        .withEndpointConfiguration(new EndpointConfiguration(endpoints.sts().toString(), REGION)).build();
    s3 = AmazonS3ClientBuilder.standard().withPathStyleAccessEnabled(true).withCredentials(s3Credentials)
        .withEndpointConfiguration(new EndpointConfiguration(endpoints.s3().toString(), REGION)).build();
    dynamoDb = AmazonDynamoDBClientBuilder.standard().withCredentials(credentials)
        .withEndpointConfiguration(new EndpointConfiguration(endpoints.dynamoDb().toString(), REGION)).build();
  }

  private static AWSCredentialsProvider staticProvider(StaticKeys keys) {
    return new AWSStaticCredentialsProvider(new BasicAWSCredentials(keys.accessKeyId(), keys.secretAccessKey()));
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
