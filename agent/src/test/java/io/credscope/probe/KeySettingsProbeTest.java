package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.KeyType;
import io.credscope.credentials.Sdk;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySettingsProbeTest {

  private static final Path HOME = Path.of("/nonexistent-home");
  private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private final KeySettingsProbe environment = new KeySettingsProbe(CredentialSource.ENVIRONMENT);
  private final KeySettingsProbe properties = new KeySettingsProbe(CredentialSource.SYSTEM_PROPERTIES);

  @Test
  void environmentKeysForSdkV2() {
    SourceAvailability keys = environment.probe(SdkDialect.V2,
        TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY_ID", KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET)));
    assertTrue(keys.available());
    assertEquals(Sdk.V2, keys.sdk());
    assertEquals("EnvironmentVariableCredentialsProvider", keys.provider());
    assertEquals("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment", keys.origin());
    assertEquals("AKIA\u2026MPLE", keys.key().masked());
    assertEquals(KeyType.LONG_TERM, keys.key().type());
    assertEquals(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), keys.settingNames());
    assertNull(keys.reason());
    assertFalse(keys.toString().contains(SECRET));
    assertFalse(keys.toString().contains(KEY_ID));
  }

  @Test
  void aSessionTokenIsNamedToo() {
    SourceAvailability keys = environment.probe(SdkDialect.V2, TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY_ID",
        "ASIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", "token")));
    assertEquals("AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in the environment", keys.origin());
    assertEquals(KeyType.TEMPORARY, keys.key().type());
  }

  @Test
  void whatIsMissingIsNamed() {
    assertEquals("AWS_ACCESS_KEY_ID not set",
        environment.probe(SdkDialect.V2, TestHost.settings(HOME, Map.of())).reason());
    assertEquals("AWS_SECRET_ACCESS_KEY not set",
        environment.probe(SdkDialect.V2, TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY_ID", KEY_ID))).reason());
    assertEquals("AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) not set",
        environment.probe(SdkDialect.V1, TestHost.settings(HOME, Map.of())).reason());
    assertEquals("AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY) not set",
        environment.probe(SdkDialect.V1, TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY", KEY_ID))).reason());
  }

  @Test
  void sdkV1ReadsItsAlternativeVariableNames() {
    SourceAvailability keys = environment.probe(SdkDialect.V1,
        TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY", KEY_ID, "AWS_SECRET_KEY", SECRET)));
    assertTrue(keys.available());
    assertEquals(List.of("AWS_ACCESS_KEY", "AWS_SECRET_KEY"), keys.settingNames());
    assertFalse(environment.probe(SdkDialect.V2,
        TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY", KEY_ID, "AWS_SECRET_KEY", SECRET))).available());
  }

  @Test
  void theSecretPropertyIsEachSdksOwn() {
    HostSettings v1Names = TestHost.settings(HOME, Map.of(), "aws.accessKeyId", KEY_ID, "aws.secretKey", SECRET);
    HostSettings v2Names =
        TestHost.settings(HOME, Map.of(), "aws.accessKeyId", KEY_ID, "aws.secretAccessKey", SECRET);
    assertEquals("aws.secretAccessKey not set", properties.probe(SdkDialect.V2, v1Names).reason());
    assertEquals("aws.secretKey not set", properties.probe(SdkDialect.V1, v2Names).reason());
    SourceAvailability v2 = properties.probe(SdkDialect.V2, v2Names);
    assertEquals("system properties aws.accessKeyId and aws.secretAccessKey", v2.origin());
    assertEquals("SystemPropertyCredentialsProvider", v2.provider());
    assertEquals("SystemPropertiesCredentialsProvider", properties.probe(SdkDialect.V1, v1Names).provider());
  }

  @Test
  void eachProviderReadsOnlyItsOwnKindOfPlace() {
    HostSettings propertiesOnly =
        TestHost.settings(HOME, Map.of(), "aws.accessKeyId", KEY_ID, "aws.secretAccessKey", SECRET);
    assertFalse(environment.probe(SdkDialect.V2, propertiesOnly).available());
    HostSettings environmentOnly =
        TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY_ID", KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET));
    assertEquals("aws.accessKeyId not set", properties.probe(SdkDialect.V2, environmentOnly).reason());
  }
}
