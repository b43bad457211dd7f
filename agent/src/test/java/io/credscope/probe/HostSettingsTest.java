package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.credscope.profiles.ProfileFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HostSettingsTest {

  @Test
  void blankValuesCountAsUnsetAndValuesAreTrimmed() {
    Properties properties = new Properties();
    properties.setProperty("aws.accessKeyId", "   ");
    properties.setProperty("aws.roleArn", " arn:aws:iam::1:role/r ");
    HostSettings settings = HostSettings.of(Map.of("AWS_PROFILE", "", "AWS_REGION", "eu-west-1 "), properties);
    assertNull(settings.environmentVariable("AWS_PROFILE"));
    assertNull(settings.environmentVariable("AWS_ACCESS_KEY_ID"));
    assertEquals("eu-west-1", settings.environmentVariable("AWS_REGION"));
    assertNull(settings.systemProperty("aws.accessKeyId"));
    assertEquals("arn:aws:iam::1:role/r", settings.systemProperty("aws.roleArn"));
  }

  @Test
  void aSnapshotDoesNotFollowLaterChanges() {
    Map<String, String> environment = new HashMap<>(Map.of("AWS_PROFILE", "a"));
    Properties properties = new Properties();
    properties.setProperty("aws.profile", "b");
    HostSettings settings = HostSettings.of(environment, properties);
    environment.put("AWS_PROFILE", "changed");
    properties.setProperty("aws.profile", "changed");
    assertEquals("a", settings.environmentVariable("AWS_PROFILE"));
    assertEquals("b", settings.systemProperty("aws.profile"));
  }

  @Test
  void platformAndHomeComeFromTheSystemProperties() {
    Properties windows = new Properties();
    windows.setProperty("os.name", "Windows Server 2022");
    windows.setProperty("user.home", "C:\\Users\\app");
    HostSettings settings = HostSettings.of(Map.of(), windows);
    assertEquals(ProfileFiles.Platform.WINDOWS, settings.platform());
    assertEquals("C:\\Users\\app", settings.userHome());
    assertEquals(ProfileFiles.Platform.POSIX, HostSettings.of(Map.of(), new Properties()).platform());
  }

  @Test
  void toStringShowsNoValue() {
    Properties properties = new Properties();
    properties.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    HostSettings settings = HostSettings.of(Map.of("AWS_SECRET_ACCESS_KEY", "topsecret/value"), properties);
    assertFalse(settings.toString().contains("EXAMPLEKEY"));
    assertFalse(settings.toString().contains("topsecret"));
  }
}
