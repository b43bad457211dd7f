package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkDialectTest {

  @Test
  void everySourceOfEachChainHasItsProvider() {
    for (CredentialChainModel chain : CredentialChainModel.ALL) {
      SdkDialect dialect = SdkDialect.of(chain.sdk());
      assertEquals(chain.sdk(), dialect.sdk());
      for (CredentialSource source : chain.order()) {
        assertEquals(source, chain.sourceOf(chain.chainProvider(source)), source.id());
        assertEquals(chain.chainProvider(source).substring(chain.chainProvider(source).lastIndexOf('.') + 1),
            dialect.provider(source));
      }
    }
    assertEquals(null, SdkDialect.V2.provider(CredentialSource.STATIC));
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
