package io.credscope.demo.app;

import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The classic mistake, made on purpose: an access key written into the code. Only the demo's fakes
 * accept it; no AWS account has it.
 */
public final class HardcodedCredentials {

  public static final String ACCESS_KEY_ID = "AKIAQDEMOHARDCODEDKY";
  public static final String SECRET_ACCESS_KEY = "hardcoded/demo/secret/key/0123456789abcd";

  private HardcodedCredentials() {
  }

  static AwsCredentialsProvider v2() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  static AWSCredentialsProvider v1() {
    return new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }
}
