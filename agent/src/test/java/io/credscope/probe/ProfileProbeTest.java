package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileProbeTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir
  Path home;

  private Path aws;
  private final ProfileProbe probe = new ProfileProbe();

  @BeforeEach
  void awsFolder() throws IOException {
    aws = Files.createDirectory(home.resolve(".aws"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(aws.resolve(name), text);
  }

  private static String keys(String profileSection, String keyId) {
    return "[" + profileSection + "]\naws_access_key_id = " + keyId + "\naws_secret_access_key = " + SECRET + "\n";
  }

  @Test
  void staticKeysInTheDefaultProfile() throws IOException {
    Path credentials = write("credentials", keys("default", "AKIAIOSFODNN7EXAMPLE"));
    SourceAvailability profile = probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of()));
    assertTrue(profile.available());
    assertEquals("profile 'default' in " + credentials + " (static keys)", profile.origin());
    assertEquals("AKIA\u2026MPLE", profile.key().masked());
    assertEquals(KeyType.LONG_TERM, profile.key().type());
    assertEquals("default", profile.profile());
    assertEquals(List.of(credentials.toString()), profile.keyFiles());
    assertEquals("ProfileCredentialsProvider", profile.provider());
    assertFalse(profile.toString().contains(SECRET));
  }

  @Test
  void theSelectedProfileFollowsEachSdksOrder() throws IOException {
    write("credentials", keys("default", "AKIADEFAULT000000000") + keys("fromenv", "AKIAFROMENV000000000")
        + keys("fromproperty", "AKIAFROMPROPERTY0000"));
    HostSettings both = TestHost.settings(home, Map.of("AWS_PROFILE", "fromenv"), "aws.profile", "fromproperty");
    assertEquals("fromproperty", probe.probe(SdkDialect.V2, both).profile());
    assertEquals("fromenv", probe.probe(SdkDialect.V1, both).profile());
  }

  @Test
  void sdkV2MergesTheConfigFileButV1ReadsTheCredentialsFileOnly() throws IOException {
    Path config = write("config", "[profile dev]\nrole_arn = arn:aws:iam::1:role/Dev\nsource_profile = base\n");
    write("credentials", keys("base", "AKIABASE000000000000"));
    HostSettings dev = TestHost.settings(home, Map.of("AWS_PROFILE", "dev"));
    SourceAvailability v2 = probe.probe(SdkDialect.V2, dev);
    assertTrue(v2.available());
    assertEquals("profile 'dev' in " + config + " (assume-role arn:aws:iam::1:role/Dev via source_profile=base)",
        v2.origin());
    assertNull(v2.key());
    assertNull(v2.profile());
    assertEquals("profile 'dev' not found in " + aws.resolve("credentials"),
        probe.probe(SdkDialect.V1, dev).reason());
  }

  @Test
  void fileLocationSettingsAreEachSdksOwn() throws IOException {
    Path elsewhere = Files.writeString(home.resolve("elsewhere"), keys("default", "AKIAELSEWHERE0000000"));
    HostSettings shared = TestHost.settings(home, Map.of("AWS_SHARED_CREDENTIALS_FILE", elsewhere.toString()));
    assertEquals(List.of(elsewhere.toString()), probe.probe(SdkDialect.V2, shared).keyFiles());
    assertEquals("no profile file at " + aws.resolve("credentials"), probe.probe(SdkDialect.V1, shared).reason());
    HostSettings v1Variable =
        TestHost.settings(home, Map.of("AWS_CREDENTIAL_PROFILES_FILE", elsewhere.toString()));
    assertEquals(List.of(elsewhere.toString()), probe.probe(SdkDialect.V1, v1Variable).keyFiles());
    HostSettings v2Property =
        TestHost.settings(home, Map.of(), "aws.sharedCredentialsFile", elsewhere.toString());
    assertTrue(probe.probe(SdkDialect.V2, v2Property).available());
  }

  @Test
  void sdkV1FallsBackToTheLegacyConfigFile() throws IOException {
    Path config = write("config", keys("default", "AKIALEGACY0000000000"));
    SourceAvailability v1 = probe.probe(SdkDialect.V1, TestHost.settings(home, Map.of()));
    assertEquals(List.of(config.toString()), v1.keyFiles());
  }

  @Test
  void sdkV2FindsHomeInTheEnvironmentFirst() throws IOException {
    Path other = Files.createDirectories(home.resolve("other/.aws"));
    Path credentials = Files.writeString(other.resolve("credentials"), keys("default", "AKIAOTHERHOME0000000"));
    HostSettings settings = TestHost.settings(home, Map.of("HOME", home.resolve("other").toString()));
    assertEquals(List.of(credentials.toString()), probe.probe(SdkDialect.V2, settings).keyFiles());
    // SDK v1 knows user.home only.
    assertFalse(probe.probe(SdkDialect.V1, settings).available());
  }

  @Test
  void kindsThatSdkV1CannotUse() throws IOException {
    write("credentials", "[default]\nsso_session = corp\nsso_account_id = 1\n"
        + "[cs]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Ec2InstanceMetadata\n");
    assertTrue(probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of())).available());
    assertEquals("profile 'default' is sso, which SDK v1's profile provider cannot use",
        probe.probe(SdkDialect.V1, TestHost.settings(home, Map.of())).reason());
    assertEquals("profile 'cs' assumes its role through credential_source, which SDK v1 cannot use",
        probe.probe(SdkDialect.V1, TestHost.settings(home, Map.of("AWS_PROFILE", "cs"))).reason());
  }

  @Test
  void whyNot() throws IOException {
    assertEquals("no profile file at " + aws.resolve("config") + " or " + aws.resolve("credentials"),
        probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of())).reason());
    Path config = write("config", "[default]\nregion = eu-west-1\n");
    assertEquals("profile 'default' in " + config + " sets no credentials",
        probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of())).reason());
    assertEquals("profile 'prod' not found in " + config,
        probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of("AWS_PROFILE", "prod"))).reason());
    write("credentials", "aws_access_key_id = before any section\n");
    assertTrue(probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of())).reason()
        .startsWith("cannot read the profile files: "));
  }
}
