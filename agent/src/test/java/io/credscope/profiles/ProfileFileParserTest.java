package io.credscope.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileFileParserTest {

  /** Where CI puts the shared corpora, relative to the agent module's working directory. */
  static final Path CORPORA = Path.of("../../shared/corpora");
  private static final Path SPEC = CORPORA.resolve("smithy-rs-profile-file-tests/profile-parser-tests.json");
  /** SOURCES.md: 65 tests, 10 of which expect a parse error. */
  private static final int SPEC_TESTS = 65;
  private static final int SPEC_ERROR_TESTS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  // --- the cross-SDK spec -------------------------------------------------------------------------------------

  record SpecCase(int index, String name, String config, String credentials, JsonNode expected) {

    @Override
    public String toString() {
      // Two upstream tests share a name, so the index keeps the display names apart.
      return "#" + index + " " + name;
    }
  }

  static List<SpecCase> specCases() throws IOException {
    List<SpecCase> cases = new ArrayList<>();
    for (JsonNode test : JSON.readTree(SPEC.toFile()).get("tests")) {
      JsonNode input = test.get("input");
      cases.add(new SpecCase(cases.size(), test.get("name").asText(), text(input, "configFile"),
          text(input, "credentialsFile"), test.get("output")));
    }
    // The whole file or nothing: a missing or shortened corpus must fail, not pass vacuously.
    assertEquals(SPEC_TESTS, cases.size(), "tests in " + SPEC.toAbsolutePath());
    assertEquals(SPEC_ERROR_TESTS, cases.stream().filter(c -> c.expected().has("errorContaining")).count());
    return cases;
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }

  /** Every vector is satisfied: there are no documented exceptions for this file. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("specCases")
  void satisfiesEverySpecTest(SpecCase spec) {
    if (spec.expected().has("errorContaining")) {
      String expected = spec.expected().get("errorContaining").asText();
      ProfileParseException error =
          assertThrows(ProfileParseException.class, () -> ProfileFileParser.parse(spec.config(), spec.credentials()));
      assertTrue(error.getMessage().contains(expected), error.getMessage() + " should contain " + expected);
      assertTrue(error.reason().contains(expected), error.reason());
      assertTrue(error.line() >= 1, "line " + error.line());
      return;
    }
    ProfileSet parsed;
    try {
      parsed = ProfileFileParser.parse(spec.config(), spec.credentials());
    } catch (ProfileParseException e) {
      throw new AssertionError("unexpected parse error: " + e.getMessage(), e);
    }
    JsonNode config = spec.expected().get("config");
    assertEquals(expectedSections(config, "profiles"), actualSections(parsed.profiles()), "profiles");
    // Only three tests list sso_sessions; the others have none, and none has services.
    assertEquals(expectedSections(config, "sso_sessions"), actualSections(parsed.ssoSessions()), "sso_sessions");
    assertEquals(expectedSections(config, "services"), actualSections(parsed.services()), "services");
  }

  /** Section name to property name to value; nested objects, should a vector have any, as sub-property maps. */
  static Map<String, Map<String, Object>> expectedSections(JsonNode config, String field) {
    Map<String, Map<String, Object>> sections = new TreeMap<>();
    if (config == null || !config.has(field)) {
      return sections;
    }
    for (Map.Entry<String, JsonNode> section : config.get(field).properties()) {
      Map<String, Object> properties = new TreeMap<>();
      for (Map.Entry<String, JsonNode> property : section.getValue().properties()) {
        JsonNode value = property.getValue();
        properties.put(property.getKey(), value.isObject() ? JSON.convertValue(value, TreeMap.class) : value.asText());
      }
      sections.put(section.getKey(), properties);
    }
    return sections;
  }

  static Map<String, Map<String, Object>> actualSections(Map<String, Profile> profiles) {
    Map<String, Map<String, Object>> sections = new TreeMap<>();
    for (Profile profile : profiles.values()) {
      Map<String, Object> properties = new TreeMap<>();
      for (ProfileProperty property : profile.properties().values()) {
        properties.put(property.name(), property.value());
      }
      sections.put(profile.name(), properties);
    }
    return sections;
  }

  // --- never an unchecked exception ---------------------------------------------------------------------------

  /** Every prefix of every spec input, in either file: a result or a parse error, nothing else. */
  @Test
  void everyCutOfEverySpecInputParsesOrFailsCleanly() throws IOException {
    int parsed = 0;
    for (SpecCase spec : specCases()) {
      for (String input : new String[] {spec.config(), spec.credentials()}) {
        if (input == null) {
          continue;
        }
        for (int cut = 0; cut <= input.length(); cut++) {
          parsed += parsesOrFailsCleanly(input.substring(0, cut), input.substring(cut));
        }
      }
    }
    assertTrue(parsed > 1000, "inputs tried: " + parsed);
  }

  @Test
  void randomInputsParseOrFailCleanly() {
    String[] pieces = {"[", "]", "=", "#", ";", " ", "\t", "\r", "\n", "\r\n", "profile", "default", "sso-session",
        "services", "a", "B", "\u00e9", "\ud83d\ude02", "\ud83d", "\u0000", "\u00a0", "~"};
    Random random = new Random(20240901L);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      parsesOrFailsCleanly(text.toString(), text.reverse().toString());
    }
  }

  private static int parsesOrFailsCleanly(String config, String credentials) {
    try {
      ProfileFileParser.parse(config, credentials);
      ProfileFileParser.parseConfig(credentials);
      ProfileFileParser.parseCredentials(config);
    } catch (ProfileParseException expected) {
      assertTrue(expected.line() >= 1);
    } catch (RuntimeException e) {
      fail("unchecked exception for config " + JSON.valueToTree(config) + ", credentials "
          + JSON.valueToTree(credentials), e);
    }
    return 1;
  }

  @Test
  void absentFilesAreEmpty() throws ProfileParseException {
    assertTrue(ProfileFileParser.parse(null, null).profiles().isEmpty());
    assertTrue(ProfileFileParser.parse("", "\n\n").profiles().isEmpty());
  }

  // --- what the spec does not cover: files, secrets, sub-properties --------------------------------------------

  @Test
  void remembersWhichFileSuppliedEachProperty() throws ProfileParseException {
    ProfileSet set = ProfileFileParser.parse("[profile foo]\nregion = eu-west-1\nname = from-config\n",
        "[foo]\nname = from-credentials\n");
    Profile foo = set.profile("foo");
    assertEquals(ProfileFileType.CONFIG, foo.fileOf("region"));
    assertEquals(ProfileFileType.CREDENTIALS, foo.fileOf("NAME"));
    assertEquals("from-credentials", foo.value("name"));
    assertNull(foo.fileOf("absent"));
    assertNull(set.profile("absent"));
  }

  @Test
  void keepsNoSecretValues() throws ProfileParseException {
    String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    String token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";
    ProfileSet set = ProfileFileParser.parse("[default]\naws_security_token = " + token + "\n",
        "[default]\naws_access_key_id = AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY = " + secret + "\n"
            + "aws_session_token = " + token + "\n  continued-" + token + "\n");
    Profile profile = set.profile("default");
    for (String name : new String[] {"aws_secret_access_key", "aws_session_token", "aws_security_token"}) {
      assertTrue(profile.has(name), name);
      assertTrue(profile.property(name).secret(), name);
      assertNull(profile.value(name), name);
      assertTrue(profile.subProperties(name).isEmpty(), name);
    }
    assertEquals(ProfileFileType.CREDENTIALS, profile.fileOf("aws_secret_access_key"));
    assertEquals(ProfileFileType.CONFIG, profile.fileOf("aws_security_token"));
    assertEquals("AKIDEXAMPLE", profile.value("aws_access_key_id"));
    for (String shown : new String[] {set.toString(), profile.toString(), profile.properties().toString()}) {
      assertFalse(shown.contains(secret), shown);
      assertFalse(shown.contains(token), shown);
      assertTrue(shown.contains("aws_secret_access_key=<redacted> (credentials)"), shown);
    }
  }

  @Test
  void parseErrorsNeverQuoteTheLine() {
    String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    String[] credentials = {"[default]\n= " + secret, "[default]\n" + secret, secret + " = x", "[default " + secret,
        "[default]\naws_secret_access_key =\n  " + secret};
    for (String text : credentials) {
      ProfileParseException error = assertThrows(ProfileParseException.class,
          () -> ProfileFileParser.parseCredentials(text));
      assertEquals(ProfileFileType.CREDENTIALS, error.file());
      assertFalse(error.getMessage().contains(secret), error.getMessage());
      assertFalse(String.valueOf(error.getCause()).contains(secret));
    }
  }

  @Test
  void reportsTheLineAndFileOfAnError() {
    ProfileParseException error = assertThrows(ProfileParseException.class,
        () -> ProfileFileParser.parse("[profile ok]\na = b\n", "# comment\n\n[default]\n\n  -continued\n"));
    assertEquals(ProfileFileType.CREDENTIALS, error.file());
    assertEquals(5, error.line());
    assertEquals("Expected a property definition, found continuation (credentials file, line 5)", error.getMessage());
  }

  @Test
  void readsSubPropertiesAsAMap() throws ProfileParseException {
    Profile foo = ProfileFileParser.parseConfig("[profile foo]\ns3 =\n  max_concurrent_requests = 20\n"
        + "  Endpoint_Url = https://a.example/x?y=z\n\n  in valid = kept\nregion = us-east-1 ; comment\n")
        .profile("foo");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("max_concurrent_requests", "20");
    expected.put("Endpoint_Url", "https://a.example/x?y=z");
    expected.put("in valid", "kept");
    assertEquals(expected, foo.subProperties("S3"));
    assertEquals("us-east-1", foo.value("region"));
    assertTrue(foo.subProperties("absent").isEmpty());
  }

  @Test
  void loadsTheLocatedFilesAndTreatsMissingOnesAsEmpty(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve(".aws"));
    Files.write(home.resolve(".aws/config"), new byte[] {'[', 'd', 'e', 'f', 'a', 'u', 'l', 't', ']', '\n', 'x', '=',
        (byte) 0xff, '\n'});
    ProfileFiles files = ProfileFiles.locate(Map.of("HOME", home.toString()), ProfileFiles.Platform.POSIX);
    ProfileSet set = ProfileFileParser.load(files);
    assertEquals("\ufffd", set.profile("default").value("x"));
    assertEquals(ProfileFileType.CONFIG, set.profile("default").fileOf("x"));
    assertTrue(ProfileFileParser.load(ProfileFiles.locate(Map.of(), ProfileFiles.Platform.POSIX)).profiles()
        .isEmpty());
  }
}
