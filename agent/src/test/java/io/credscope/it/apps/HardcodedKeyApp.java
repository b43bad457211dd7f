package io.credscope.it.apps;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A host application with the classic mistake: an access key written into its code. */
public final class HardcodedKeyApp {

  private HardcodedKeyApp() {
  }

  public static void main(String[] args) {
    AwsCredentialsProvider provider = StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETKEY"));
    provider.resolveCredentials();
    System.out.println("app resolved credentials");
  }
}
