package io.credscope.it.apps;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A host application that keeps using session credentials which expired an hour ago. */
public final class ExpiredSessionApp {

  private ExpiredSessionApp() {
  }

  public static void main(String[] args) {
    AwsCredentialsProvider provider = StaticCredentialsProvider.create(AwsSessionCredentials.builder()
        .accessKeyId(args[0]).secretAccessKey(args[1]).sessionToken(args[2])
        .expirationTime(Instant.now().minusSeconds(3600)).build());
    for (int i = 0; i < 5; i++) {
      provider.resolveCredentials();
    }
    System.out.println("app used its session 5 times");
  }
}
