package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdkDialectTest {

  @Test
  void providersAreTheChainModelsOwn() {
    for (CredentialChainModel chain : CredentialChainModel.ALL) {
      SdkDialect dialect = SdkDialect.of(chain.sdk());
      assertEquals(chain.sdk(), dialect.sdk());
      assertEquals(new HashSet<>(chain.order()), dialect.providerClasses().keySet());
      for (Map.Entry<CredentialSource, String> provider : dialect.providerClasses().entrySet()) {
        assertEquals(provider.getKey(), chain.sourceOf(provider.getValue()), provider.getValue());
      }
    }
  }

  @Test
  void simpleNames() {
    assertEquals("SystemPropertyCredentialsProvider", SdkDialect.V2.provider(CredentialSource.SYSTEM_PROPERTIES));
    assertEquals("SystemPropertiesCredentialsProvider", SdkDialect.V1.provider(CredentialSource.SYSTEM_PROPERTIES));
    assertEquals("DefaultCredentialsProvider", SdkDialect.of(Sdk.V2).chainClass());
    assertEquals("DefaultAWSCredentialsProviderChain", SdkDialect.of(Sdk.V1).chainClass());
  }

  @Test
  void keySettingNamesAreEachSdksOwn() {
    assertEquals(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
        SdkDialect.V2.keySettingNames(CredentialSource.ENVIRONMENT));
    assertEquals(List.of("aws.accessKeyId", "aws.secretAccessKey"),
        SdkDialect.V2.keySettingNames(CredentialSource.SYSTEM_PROPERTIES));
    assertEquals(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_KEY"),
        SdkDialect.V1.keySettingNames(CredentialSource.ENVIRONMENT));
    assertEquals(List.of("aws.accessKeyId", "aws.secretKey"),
        SdkDialect.V1.keySettingNames(CredentialSource.SYSTEM_PROPERTIES));
    assertEquals(List.of(), SdkDialect.V1.keySettingNames(CredentialSource.PROFILE));
  }
}
