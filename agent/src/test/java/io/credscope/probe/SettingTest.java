package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

  private static final Path HOME = Path.of("/nonexistent-home");

  @Test
  void theFirstPlaceSetWins() {
    Setting setting = Setting.propertyThenEnvironment("aws.roleArn", "AWS_ROLE_ARN");
    HostSettings both = TestHost.settings(HOME, Map.of("AWS_ROLE_ARN", "from-env"), "aws.roleArn", "from-property");
    assertEquals("-Daws.roleArn=from-property", setting.find(both).toString());
    HostSettings envOnly = TestHost.settings(HOME, Map.of("AWS_ROLE_ARN", "from-env"));
    SettingValue value = setting.find(envOnly);
    assertEquals("AWS_ROLE_ARN", value.label());
    assertEquals("from-env", value.value());
    assertNull(setting.find(TestHost.settings(HOME, Map.of())));
  }

  @Test
  void alternativeNamesAreTriedInOrder() {
    Setting setting = Setting.environment("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY");
    assertEquals("AWS_ACCESS_KEY", setting.whereSet(TestHost.settings(HOME, Map.of("AWS_ACCESS_KEY", "AKIA1"))));
    assertEquals(List.of("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"), setting.names());
    assertEquals("AWS_ACCESS_KEY_ID", setting.displayName());
  }

  @Test
  void firstTrueLooksAtEveryPlace() {
    Setting setting = Setting.propertyThenEnvironment("com.amazonaws.sdk.disableEc2Metadata",
        "AWS_EC2_METADATA_DISABLED");
    HostSettings settings = TestHost.settings(HOME, Map.of("AWS_EC2_METADATA_DISABLED", "TRUE"),
        "com.amazonaws.sdk.disableEc2Metadata", "false");
    assertEquals("AWS_EC2_METADATA_DISABLED=TRUE", setting.firstTrue(settings).toString());
    assertEquals("false", setting.find(settings).value());
  }

  @Test
  void displayNamePrefersTheVariable() {
    assertEquals("AWS_PROFILE", Setting.propertyThenEnvironment("aws.profile", "AWS_PROFILE").displayName());
    assertEquals("aws.secretKey", Setting.property("aws.secretKey").displayName());
  }
}
