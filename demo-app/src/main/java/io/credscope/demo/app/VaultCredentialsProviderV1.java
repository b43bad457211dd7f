package io.credscope.demo.app;

import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;

/** The same secret-store provider for SDK v1 clients. */
final class VaultCredentialsProviderV1 implements AWSCredentialsProvider {

  private final StaticKeys keys;

  VaultCredentialsProviderV1(StaticKeys keys) {
    this.keys = keys;
  }

  @Override
  public AWSCredentials getCredentials() {
    return new BasicAWSCredentials(keys.accessKeyId(), keys.secretAccessKey());
  }

  @Override
  public void refresh() {
  }
}
