package io.credscope.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * botocore's {@code tests/unit/cfg} inputs, with the results SOURCES.md paraphrases from its
 * {@code test_configloader.py}, and the invalid inputs of aws-sdk-go v1's INI parser. Both parsers predate the
 * cross-SDK spec, which this parser follows; where they differ, the test says so and asserts the spec's result.
 */
class BotocoreConfigFilesTest {

  private static final Path BOTOCORE = ProfileFileParserTest.CORPORA.resolve("botocore-config-files");
  private static final Path GO_INVALID = ProfileFileParserTest.CORPORA.resolve("aws-sdk-go-ini-testdata/invalid");

  private static String read(String name) throws IOException {
    return new String(Files.readAllBytes(BOTOCORE.resolve(name)), StandardCharsets.UTF_8);
  }

  @Test
  void awsConfigKeepsOnlyTheUnquotedProfile() throws Exception {
    ProfileSet set = ProfileFileParser.parseConfig(read("aws_config"));
    // Documented difference: botocore accepts [profile "personal"] as profile personal. The spec does not strip
    // quotes, and '"' is not a valid identifier character, so the section is ignored, as the SDKs that follow the
    // spec (Java v2, Rust, Kotlin) ignore it.
    assertEquals(Set.of("default"), set.profiles().keySet());
    Profile profile = set.profile("default");
    assertEquals("foo", profile.value("aws_access_key_id"));
    assertTrue(profile.has("aws_secret_access_key"));
    assertNull(profile.value("aws_secret_access_key"));
    assertEquals(ProfileKind.STATIC, ProfileClassifier.classify(profile).kind());
  }

  @Test
  void awsBadProfileIgnoresMalformedSections() throws Exception {
    ProfileSet set = ProfileFileParser.parseConfig(read("aws_bad_profile"));
    // Documented difference: botocore gives exactly default, "my profile" and personal1. The spec drops
    // [profile "my profile"] as well, since its name has quotes and a space; like botocore, it drops
    // [profile "personal" "otherkey"] and the missing end quote.
    assertEquals(Set.of("default", "personal1"), set.profiles().keySet());
    assertEquals("access_personal1", set.profile("personal1").value("aws_access_key_id"));
  }

  @Test
  void aKeyBeforeAnySectionIsAnError() {
    ProfileParseException error =
        assertThrows(ProfileParseException.class, () -> ProfileFileParser.parseConfig(read("aws_config_bad")));
    assertEquals("Expected a profile definition", error.reason());
    assertEquals(1, error.line());
  }

  @Test
  void binaryBytesAreAnError() throws IOException {
    byte[] bytes = Files.readAllBytes(BOTOCORE.resolve("aws_config_badbytes"));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThrows(ProfileParseException.class, () -> ProfileFileParser.parseConfig(text));
    assertThrows(ProfileParseException.class, () -> ProfileFileParser.parseCredentials(text));
  }

  @Test
  void nestedBlocksAreSubProperties() throws Exception {
    Profile profile = ProfileFileParser.parseConfig(read("aws_config_nested")).profile("default");
    // The spec keeps the raw block as the value; subProperties() gives botocore's nested map.
    assertEquals("\nsignature_version = s3v4\naddressing_style = path", profile.value("s3"));
    assertEquals(Map.of("signature_version", "s3v4", "addressing_style", "path"), profile.subProperties("s3"));
    assertEquals(Map.of("signature_version", "v4"), profile.subProperties("cloudwatch"));
    assertEquals("us-west-2", profile.value("region"));
  }

  @Test
  void aMalformedNestedLineIsAnError() {
    ProfileParseException error =
        assertThrows(ProfileParseException.class, () -> ProfileFileParser.parseConfig(read("aws_config_nested_bad")));
    assertEquals("Expected an '=' sign defining a sub-property", error.reason());
    assertEquals(5, error.line());
  }

  @Test
  void ssoSessionSectionsAreKeptApart() throws Exception {
    ProfileSet set = ProfileFileParser.parseConfig(read("aws_sso_session_config"));
    assertEquals(Set.of("default"), set.profiles().keySet());
    Profile session = set.ssoSessions().get("sso");
    assertEquals("https://example.com", session.value("sso_start_url"));
    assertEquals("us-east-1", session.value("sso_region"));
    assertEquals(2, session.properties().size());
    assertEquals(ProfileKind.SSO, ProfileClassifier.classify(set, "default").kind());
  }

  @Test
  void servicesSectionsHoldSubPropertiesPerService() throws Exception {
    ProfileSet set = ProfileFileParser.parseConfig(read("aws_services_config"));
    assertEquals("my-services", set.profile("default").value("services"));
    Profile services = set.services().get("my-services");
    assertEquals(Map.of("endpoint_url", "https://localhost:5678/"), services.subProperties("s3"));
    assertEquals(Map.of("endpoint_url", "https://localhost:8888/"), services.subProperties("dynamodb"));
  }

  /**
   * Documented exception: botocore loads several config files with the first one winning
   * ({@code default.aws_access_key_id = other_foo} from aws_config_other, aws_config and aws_third_config). The
   * spec has one config and one credentials file, and the credentials file wins property by property; there is
   * no multi-config merge to compare, so this only checks the spec's rule on two of the files.
   */
  @Test
  void multiFileMergeFollowsTheSpecsCredentialsOverConfigRule() throws Exception {
    ProfileSet set = ProfileFileParser.parse(read("aws_config_other"), read("aws_config"));
    assertEquals("foo", set.profile("default").value("aws_access_key_id"));
    assertEquals(ProfileFileType.CREDENTIALS, set.profile("default").fileOf("aws_access_key_id"));
    assertFalse(set.profiles().containsKey("personal"));
  }

  @Test
  void legacyInputsWithoutExpectationsParseOrFailCleanly() throws Exception {
    assertThrows(ProfileParseException.class, () -> ProfileFileParser.parseCredentials(read("aws_credentials")));
    // [Credentials] is a valid credentials-file profile, but an unprefixed config-file section other than default.
    assertEquals(Set.of("Credentials"), ProfileFileParser.parseCredentials(read("boto_config")).profiles().keySet());
    assertTrue(ProfileFileParser.parseConfig(read("boto_config_empty")).profiles().isEmpty());
    assertEquals(Set.of("default"), ProfileFileParser.parseConfig(read("foo_config")).profiles().keySet());
    assertEquals("us-west-2", ProfileFileParser.parseConfig(read("aws_config_nocreds")).profile("default")
        .value("region"));
  }

  /**
   * Go v1's parser rejects six inputs. Under the spec only two are syntax errors (a section line without its
   * {@code ]} once the comment is cut). The other four are documented exceptions: the spec ignores invalid
   * section and property names rather than failing, so they parse, with the offending section or key dropped.
   */
  @Test
  void goInvalidInputsThatTheSpecRejectsOrIgnores() throws IOException {
    Set<String> rejected = new TreeSet<>();
    List<Path> inputs;
    try (Stream<Path> files = Files.list(GO_INVALID)) {
      inputs = files.sorted().toList();
    }
    assertEquals(6, inputs.size(), "inputs in " + GO_INVALID.toAbsolutePath());
    for (Path input : inputs) {
      String text = Files.readString(input);
      try {
        ProfileSet set = ProfileFileParser.parse(text, text);
        assertTrue(set.profiles().values().stream().allMatch(p -> p.properties().isEmpty()), input + ": " + set);
      } catch (ProfileParseException e) {
        assertEquals("Profile definition must end with ']'", e.reason(), input.toString());
        rejected.add(input.getFileName().toString());
      }
    }
    assertEquals(Set.of("incomplete_section_profile", "syntax_error_comment"), rejected);
  }
}
