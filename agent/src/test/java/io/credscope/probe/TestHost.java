package io.credscope.probe;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Host settings for tests: only what a test sets, a Linux JVM, and a home directory of the test's own. */
public final class TestHost {

  private TestHost() {
  }

  /**
   * @param home {@code user.home}; tests give a temporary folder so that no real profile file takes part
   * @param propertyPairs system properties as name, value, name, value…
   */
  public static HostSettings settings(Path home, Map<String, String> environment, String... propertyPairs) {
    Properties properties = new Properties();
    properties.setProperty("os.name", "Linux");
    properties.setProperty("user.home", home.toString());
    for (int i = 0; i < propertyPairs.length; i += 2) {
      properties.setProperty(propertyPairs[i], propertyPairs[i + 1]);
    }
    return HostSettings.of(environment, properties);
  }
}
