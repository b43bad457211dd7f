package io.credscope.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class SdkProviderNamesTest {

  @Test
  void businessMetricCodesOfSdk2_56() {
    assertEquals(CredentialSource.SYSTEM_PROPERTIES, SdkProviderNames.sourceOf("f"));
    assertEquals(CredentialSource.ENVIRONMENT, SdkProviderNames.sourceOf("g"));
    assertEquals(CredentialSource.PROFILE, SdkProviderNames.sourceOf("n"));
    assertEquals(CredentialSource.INSTANCE_PROFILE, SdkProviderNames.sourceOf("0"));
    assertEquals(CredentialSource.STATIC, SdkProviderNames.sourceOf("e"));
    assertEquals(CredentialSource.CONTAINER, SdkProviderNames.sourceOf("z"));
  }

  @Test
  void aProfileThatDelegatesIsStillTheProfile() {
    assertEquals(CredentialSource.PROFILE, SdkProviderNames.sourceOf("i,n"));
    assertEquals(CredentialSource.PROFILE, SdkProviderNames.sourceOf("n,o"));
  }

  @Test
  void classNamesOfOlderSdks() {
    assertEquals(CredentialSource.ENVIRONMENT, SdkProviderNames.sourceOf("EnvironmentVariableCredentialsProvider"));
    assertEquals(CredentialSource.INSTANCE_PROFILE, SdkProviderNames.sourceOf("InstanceProfileCredentialsProvider"));
  }

  @Test
  void whatItDoesNotKnowItDoesNotGuess() {
    assertNull(SdkProviderNames.sourceOf(null));
    assertNull(SdkProviderNames.sourceOf(""));
    assertNull(SdkProviderNames.sourceOf("MyCompanyVaultProvider"));
  }

  /** What the real SDK puts there, for a provider whose name it sets itself. */
  @Test
  void theRealStaticProviderAgrees() {
    AwsSessionCredentials credentials = AwsSessionCredentials.create("ASIAIOSFODNN7EXAMPLE", "secret", "token");
    String providerName = StaticCredentialsProvider.create(credentials).resolveCredentials().providerName()
        .orElse(null);
    assertEquals(CredentialSource.STATIC, SdkProviderNames.sourceOf(providerName), providerName);
  }
}
