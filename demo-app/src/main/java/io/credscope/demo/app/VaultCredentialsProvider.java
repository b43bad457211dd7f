package io.credscope.demo.app;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** An application's own SDK v2 provider, as a team writes one around its secret store. */
final class VaultCredentialsProvider implements AwsCredentialsProvider {

  private final StaticKeys keys;

  VaultCredentialsProvider(StaticKeys keys) {
    this.keys = keys;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey());
  }
}
