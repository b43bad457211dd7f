package io.credscope.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileClassifierTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
  private static final String ROLE = "arn:aws:iam::123456789012:role/ProdAccountRoleName";

  private static final String CONFIG = """
      [default]
      region = us-west-2

      [profile production]
      role_arn = arn:aws:iam::123456789012:role/ProdAccountRoleName
      source_profile = default

      [profile on-ec2]
      role_arn = arn:aws:iam::123456789012:role/Ec2Role
      credential_source = Ec2InstanceMetadata

      [profile split]
      role_arn = arn:aws:iam::123456789012:role/Split

      [profile web]
      role_arn = arn:aws:iam::123456789012:role/WebRole
      web_identity_token_file = /var/run/secrets/token

      [profile sso]
      sso_session = my-sso
      sso_account_id = 123456789012

      [profile legacy-sso]
      sso_start_url = https://example.awsapps.com/start

      [profile process]
      credential_process = /usr/local/bin/get-creds --profile x

      [profile settings-only]
      region = eu-central-1
      role_arn = arn:aws:iam::123456789012:role/Dangling

      [profile everything]
      role_arn = arn:aws:iam::123456789012:role/All
      source_profile = default
      web_identity_token_file = /t
      sso_session = s
      credential_process = p
      aws_access_key_id = AKIDEVERYTHING
      aws_secret_access_key = %1$s

      [sso-session my-sso]
      sso_start_url = https://example.awsapps.com/start
      """.formatted(SECRET);

  private static final String CREDENTIALS = """
      [default]
      aws_access_key_id = AKIDEXAMPLE
      aws_secret_access_key = %1$s
      aws_session_token = %2$s

      [split]
      source_profile = default

      [half]
      aws_access_key_id = AKIDHALF
      """.formatted(SECRET, TOKEN);

  private static ProfileSet profiles() throws ProfileParseException {
    return ProfileFileParser.parse(CONFIG, CREDENTIALS);
  }

  private static ProfileClassification classify(String name) throws ProfileParseException {
    return ProfileClassifier.classify(profiles(), name);
  }

  private static Map<String, ProfileFileType> deciding(Object... nameThenFile) {
    Map<String, ProfileFileType> deciding = new LinkedHashMap<>();
    for (int i = 0; i < nameThenFile.length; i += 2) {
      deciding.put((String) nameThenFile[i], (ProfileFileType) nameThenFile[i + 1]);
    }
    return deciding;
  }

  @Test
  void assumeRoleFromASourceProfile() throws ProfileParseException {
    ProfileClassification production = classify("production");
    assertEquals(ProfileKind.ASSUME_ROLE, production.kind());
    assertEquals("production", production.profileName());
    assertEquals(ROLE, production.roleArn());
    assertEquals("default", production.sourceProfile());
    assertNull(production.credentialSource());
    assertEquals(deciding("role_arn", ProfileFileType.CONFIG, "source_profile", ProfileFileType.CONFIG),
        production.decidingProperties());
    assertEquals(Set.of(ProfileFileType.CONFIG), production.files());
  }

  @Test
  void assumeRoleFromACredentialSource() throws ProfileParseException {
    ProfileClassification onEc2 = classify("on-ec2");
    assertEquals(ProfileKind.ASSUME_ROLE, onEc2.kind());
    assertEquals("arn:aws:iam::123456789012:role/Ec2Role", onEc2.roleArn());
    assertNull(onEc2.sourceProfile());
    assertEquals("Ec2InstanceMetadata", onEc2.credentialSource());
  }

  @Test
  void decidingPropertiesMayComeFromBothFiles() throws ProfileParseException {
    ProfileClassification split = classify("split");
    assertEquals(ProfileKind.ASSUME_ROLE, split.kind());
    assertEquals(deciding("role_arn", ProfileFileType.CONFIG, "source_profile", ProfileFileType.CREDENTIALS),
        split.decidingProperties());
    assertEquals(Set.of(ProfileFileType.CONFIG, ProfileFileType.CREDENTIALS), split.files());
  }

  @Test
  void webIdentity() throws ProfileParseException {
    ProfileClassification web = classify("web");
    assertEquals(ProfileKind.WEB_IDENTITY, web.kind());
    assertEquals("arn:aws:iam::123456789012:role/WebRole", web.roleArn());
    assertNull(web.sourceProfile());
    assertEquals(deciding("role_arn", ProfileFileType.CONFIG, "web_identity_token_file", ProfileFileType.CONFIG),
        web.decidingProperties());
  }

  @Test
  void ssoBySessionOrByLegacyStartUrl() throws ProfileParseException {
    ProfileClassification sso = classify("sso");
    assertEquals(ProfileKind.SSO, sso.kind());
    assertEquals(deciding("sso_session", ProfileFileType.CONFIG), sso.decidingProperties());
    assertNull(sso.roleArn());
    assertTrue(profiles().ssoSessions().containsKey("my-sso"));
    ProfileClassification legacy = classify("legacy-sso");
    assertEquals(ProfileKind.SSO, legacy.kind());
    assertEquals(deciding("sso_start_url", ProfileFileType.CONFIG), legacy.decidingProperties());
  }

  @Test
  void process() throws ProfileParseException {
    ProfileClassification process = classify("process");
    assertEquals(ProfileKind.PROCESS, process.kind());
    assertEquals(deciding("credential_process", ProfileFileType.CONFIG), process.decidingProperties());
  }

  @Test
  void staticKeysFromTheCredentialsFile() throws ProfileParseException {
    ProfileClassification defaults = classify("default");
    assertEquals(ProfileKind.STATIC, defaults.kind());
    assertEquals(deciding("aws_access_key_id", ProfileFileType.CREDENTIALS, "aws_secret_access_key",
        ProfileFileType.CREDENTIALS), defaults.decidingProperties());
    assertEquals(Set.of(ProfileFileType.CREDENTIALS), defaults.files());
    assertNull(defaults.roleArn());
  }

  @Test
  void none() throws ProfileParseException {
    // A role_arn with neither source gives no role; the SDKs fail such a profile, and here it falls through.
    ProfileClassification settings = classify("settings-only");
    assertEquals(ProfileKind.NONE, settings.kind());
    assertNull(settings.roleArn());
    assertTrue(settings.decidingProperties().isEmpty());
    assertTrue(settings.files().isEmpty());
    // An access key id without its secret is no static credentials.
    assertEquals(ProfileKind.NONE, classify("half").kind());
    ProfileClassification absent = classify("absent");
    assertEquals(ProfileKind.NONE, absent.kind());
    assertEquals("absent", absent.profileName());
    assertEquals(ProfileKind.NONE, ProfileClassifier.classify(null).kind());
    assertEquals(ProfileKind.NONE, ProfileClassifier.classify(null, "default").kind());
  }

  @Test
  void theFirstKindInPrecedenceOrderWins() throws ProfileParseException {
    assertEquals(ProfileKind.ASSUME_ROLE, classify("everything").kind());
    String[] lines = {"source_profile = s", "role_arn = r", "web_identity_token_file = w", "sso_session = x",
        "credential_process = p", "aws_access_key_id = a", "aws_secret_access_key = k"};
    ProfileKind[] expected = {ProfileKind.ASSUME_ROLE, ProfileKind.WEB_IDENTITY, ProfileKind.SSO, ProfileKind.SSO,
        ProfileKind.PROCESS, ProfileKind.STATIC, ProfileKind.NONE};
    // Dropping the properties one at a time from the front walks down the precedence order.
    for (int drop = 0; drop < lines.length; drop++) {
      String config = "[profile p]\n" + String.join("\n", List.of(lines).subList(drop, lines.length));
      assertEquals(expected[drop], ProfileClassifier.classify(ProfileFileParser.parseConfig(config), "p").kind(),
          config);
    }
  }

  @Test
  void theSecretNeverAppearsInAnyToString() throws ProfileParseException {
    ProfileSet set = profiles();
    List<Object> shown = new ArrayList<>();
    shown.add(set);
    for (Profile profile : set.profiles().values()) {
      shown.add(profile);
      shown.add(profile.properties());
      shown.addAll(profile.properties().values());
      shown.add(ProfileClassifier.classify(profile));
      shown.add(ProfileClassifier.classify(profile).decidingProperties());
    }
    shown.add(assertThrows(ProfileParseException.class,
        () -> ProfileFileParser.parseCredentials("[default]\naws_secret_access_key =\n " + SECRET)));
    for (Object object : shown) {
      String text = String.valueOf(object);
      assertFalse(text.contains(SECRET), text);
      assertFalse(text.contains(TOKEN), text);
    }
    // And no accessor gives the values back.
    Profile defaults = set.profile("default");
    assertNull(defaults.value("aws_secret_access_key"));
    assertNull(defaults.property("aws_session_token").value());
    assertTrue(defaults.has("aws_session_token"));
    assertTrue(set.toString().contains("aws_secret_access_key=<redacted> (credentials)"), set.toString());
  }

  @Test
  void toStringSaysWhatDecidedAndWhere() throws ProfileParseException {
    assertEquals("ProfileClassification(split: ASSUME_ROLE, roleArn=arn:aws:iam::123456789012:role/Split, "
        + "sourceProfile=default, from role_arn in config, source_profile in credentials)", classify("split")
        .toString());
    assertEquals("ProfileClassification(half: NONE)", classify("half").toString());
  }
}
