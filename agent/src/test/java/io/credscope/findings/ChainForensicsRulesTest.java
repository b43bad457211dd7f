package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.events.ProviderFailure;
import io.credscope.probe.HostSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFIGURED_SOURCE_FAILED and PROFILE_SETTING_IGNORED: what the chain did, against the settings it was given. */
class ChainForensicsRulesTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/demo-web-role";
  private static final List<ProviderFailure> WEB_IDENTITY_FAILED = List.of(
      new ProviderFailure("x.EnvironmentVariableCredentialsProvider", CredentialSource.ENVIRONMENT,
          "AWS_ACCESS_KEY_ID not set"),
      new ProviderFailure("x.WebIdentityTokenFileCredentialsProvider", CredentialSource.WEB_IDENTITY,
          "/var/run/secrets/token (No such file or directory)"));

  @TempDir
  Path home;

  private static CredentialsResolved instanceRole(Sdk sdk, List<ProviderFailure> skipped) {
    return new CredentialsResolved(Instant.parse("2026-11-22T10:00:00Z"), sdk, CredentialSource.INSTANCE_PROFILE,
        "x.InstanceProfileCredentialsProvider", AccessKeyId.of("ASIAY34FZKBOKMUTVV7A"), "DefaultCredentialsProvider",
        "com.example.Main.main(Main.java:7)", skipped, null, null, null, null);
  }

  private HostSettings settings(Map<String, String> environment) {
    Properties properties = new Properties();
    properties.setProperty("user.home", home.toString());
    return HostSettings.of(environment, properties);
  }

  @Test
  void aWebIdentitySetUpThatFailedBeforeTheInstanceRoleWonIsHigh() {
    ConfiguredSourceFailedRule rule = new ConfiguredSourceFailedRule(true, () -> settings(Map.of(
        "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token", "AWS_ROLE_ARN", ROLE)));
    Finding finding = rule.evaluate(instanceRole(Sdk.V2, WEB_IDENTITY_FAILED));
    assertEquals("CONFIGURED_SOURCE_FAILED", finding.id());
    assertEquals("high", finding.severity().id());
    assertEquals("web-identity", finding.evidence().get("failedSource"));
    assertEquals("/var/run/secrets/token (No such file or directory)", finding.evidence().get("error"));
    assertEquals("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN", finding.evidence().get("configuredBy"));
    assertEquals("instance-profile", finding.evidence().get("winner"));
    assertTrue(finding.summary().contains("instance-profile (InstanceProfileCredentialsProvider) supplied key "
        + "ASIA\u2026VV7A instead"), finding.summary());
  }

  @Test
  void sourcesWithoutTheirSettingsFailAsTheyShould() {
    ConfiguredSourceFailedRule rule = new ConfiguredSourceFailedRule(true, () -> settings(Map.of(
        "AWS_ROLE_ARN", ROLE)));
    assertNull(rule.evaluate(instanceRole(Sdk.V2, WEB_IDENTITY_FAILED)), "a role without a token file is no set-up");
    assertNull(new ConfiguredSourceFailedRule(true, () -> settings(Map.of())).evaluate(instanceRole(Sdk.V2,
        List.of())));
  }

  @Test
  void sdkV1IgnoresCredentialSourceInItsProfile() throws IOException {
    Path credentials = home.resolve(".aws/credentials");
    Files.createDirectories(credentials.getParent());
    Files.writeString(credentials, "[default]\nrole_arn = " + ROLE + "\ncredential_source = Ec2InstanceMetadata\n");
    ProfileSettingIgnoredRule rule = new ProfileSettingIgnoredRule(true, () -> settings(new HashMap<>()));
    Finding finding = rule.evaluate(instanceRole(Sdk.V1, List.of()));
    assertEquals("PROFILE_SETTING_IGNORED", finding.id());
    assertEquals("medium", finding.severity().id());
    assertEquals("credential_source", finding.evidence().get("ignored"));
    assertEquals("default", finding.evidence().get("profile"));
    assertEquals(ROLE, finding.evidence().get("roleArn"));
    assertEquals("instance-profile", finding.evidence().get("used"));
    assertNull(rule.evaluate(instanceRole(Sdk.V2, List.of())), "SDK v2 acts on credential_source");
  }

  @Test
  void sdkV1IgnoresSsoAndWebIdentitySettingsButNotKeysOrSourceProfiles() throws IOException {
    Path credentials = home.resolve(".aws/credentials");
    Files.createDirectories(credentials.getParent());
    Files.writeString(credentials, "[default]\nsso_start_url = https://x.awsapps.com/start\nsso_role_name = Dev\n"
        + "web_identity_token_file = /t\n");
    ProfileSettingIgnoredRule rule = new ProfileSettingIgnoredRule(true, () -> settings(new HashMap<>()));
    assertEquals("sso_role_name, sso_start_url, web_identity_token_file",
        rule.evaluate(instanceRole(Sdk.V1, List.of())).evidence().get("ignored"));
    Files.writeString(credentials, "[default]\nrole_arn = " + ROLE + "\nsource_profile = base\n\n[base]\n"
        + "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n");
    assertNull(rule.evaluate(instanceRole(Sdk.V1, List.of())));
  }
}
