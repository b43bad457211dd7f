package io.credscope.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credscope.profiles.ProfileFiles.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileFilesTest {

  private static final Path SPEC =
      ProfileFileParserTest.CORPORA.resolve("smithy-rs-profile-file-tests/file-location-tests.json");
  /** SOURCES.md: 9 tests. */
  private static final int SPEC_TESTS = 9;

  record LocationCase(int index, String name, Map<String, String> environment, Platform platform, String profile,
      String config, String credentials) {

    @Override
    public String toString() {
      return "#" + index + " " + name;
    }
  }

  static List<LocationCase> specCases() throws IOException {
    List<LocationCase> cases = new ArrayList<>();
    for (JsonNode test : new ObjectMapper().readTree(SPEC.toFile()).get("tests")) {
      Map<String, String> environment = new HashMap<>();
      for (Map.Entry<String, JsonNode> variable : test.get("environment").properties()) {
        environment.put(variable.getKey(), variable.getValue().asText());
      }
      String platform = test.get("platform").asText();
      assertTrue(platform.equals("linux") || platform.equals("windows"), platform);
      // One test ("config location overridden on non-windows") gives no profile; the selected one is then default.
      String profile = test.has("profile") ? test.get("profile").asText() : null;
      cases.add(new LocationCase(cases.size(), test.get("name").asText(), environment,
          platform.equals("windows") ? Platform.WINDOWS : Platform.POSIX, profile,
          test.get("configLocation").asText(), test.get("credentialsLocation").asText()));
    }
    assertEquals(SPEC_TESTS, cases.size(), "tests in " + SPEC.toAbsolutePath());
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specCases")
  void satisfiesEverySpecTest(LocationCase spec) {
    ProfileFiles files = ProfileFiles.locate(spec.environment(), spec.platform(), "/fallback/must/not/be/used");
    assertEquals(spec.config(), files.configFile());
    assertEquals(spec.credentials(), files.credentialsFile());
    assertEquals(spec.profile() == null ? "default" : spec.profile(), files.profileName());
  }

  @Test
  void expandsTildeInOverrides() {
    Map<String, String> env = Map.of("HOME", "/home/user", "AWS_CONFIG_FILE", "~/custom/config",
        "AWS_SHARED_CREDENTIALS_FILE", "~other/credentials");
    ProfileFiles files = ProfileFiles.locate(env, Platform.POSIX);
    assertEquals("/home/user/custom/config", files.configFile());
    assertEquals("~other/credentials", files.credentialsFile());

    ProfileFiles windows = ProfileFiles.locate(Map.of("USERPROFILE", "C:\\Users\\me\\", "AWS_CONFIG_FILE",
        "~/a/config", "AWS_SHARED_CREDENTIALS_FILE", "~\\b\\credentials"), Platform.WINDOWS);
    assertEquals("C:\\Users\\me\\a\\config", windows.configFile());
    assertEquals("C:\\Users\\me\\b\\credentials", windows.credentialsFile());
    assertEquals("/root", ProfileFiles.locate(Map.of("HOME", "/root", "AWS_CONFIG_FILE", "~"), Platform.POSIX)
        .configFile());
  }

  @Test
  void withoutAHomeDirectoryUsesTheFallbackOrNone() {
    ProfileFiles none = ProfileFiles.locate(Map.of("USERPROFILE", "C:\\Users\\me", "AWS_PROFILE", ""), Platform.POSIX);
    assertNull(none.home());
    assertNull(none.configFile());
    assertNull(none.credentialsFile());
    assertEquals("default", none.profileName());
    assertEquals("~/config", ProfileFiles.locate(Map.of("AWS_CONFIG_FILE", "~/config"), Platform.POSIX).configFile());

    ProfileFiles fallback = ProfileFiles.locate(Map.of("HOME", " "), Platform.POSIX, "/var/lib/app");
    assertEquals("/var/lib/app/.aws/config", fallback.configFile());
    assertEquals("/var/lib/app/.aws/credentials", fallback.credentialsFile());
    assertEquals("/.aws/config", ProfileFiles.locate(Map.of("HOME", "/"), Platform.POSIX).configFile());
    assertEquals("default", ProfileFiles.locate(null, null).profileName());
  }
}
