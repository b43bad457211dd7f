package io.credscope.it.apps;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A host application for forked-JVM tests: resolves static keys given on its command line. */
public final class StaticKeysApp {

  private StaticKeysApp() {
  }

  public static void main(String[] args) {
    AwsCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(args[0], args[1]));
    int resolutions = Integer.parseInt(args[2]);
    for (int i = 0; i < resolutions; i++) {
      provider.resolveCredentials();
    }
    System.out.println("app resolved credentials " + resolutions + " times");
  }
}
