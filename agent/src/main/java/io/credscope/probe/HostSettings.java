package io.credscope.probe;

import io.credscope.profiles.ProfileFiles;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A snapshot of what the SDKs read to pick credentials: environment variables and system properties (which include
 * {@code user.home} and {@code os.name}). Tests build one from maps, so no test depends on the machine it runs on.
 * The agent should take a fresh one at probe time, not at start-up: applications set system properties after
 * {@code premain}.
 */
public final class HostSettings {

  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;

  private HostSettings(Map<String, String> environment, Map<String, String> systemProperties) {
    this.environment = Collections.unmodifiableMap(environment);
    this.systemProperties = Collections.unmodifiableMap(systemProperties);
  }

  /** Copies both, so later changes to either do not change the snapshot. */
  public static HostSettings of(Map<String, String> environment, Properties systemProperties) {
    Map<String, String> properties = new HashMap<String, String>();
    for (String name : systemProperties.stringPropertyNames()) {
      properties.put(name, systemProperties.getProperty(name));
    }
    return new HostSettings(new HashMap<String, String>(environment), properties);
  }

  /** This JVM's own environment and system properties, as they are now. */
  public static HostSettings ofThisProcess() {
    return of(System.getenv(), System.getProperties());
  }

  /** The variable's value, or {@code null} when it is unset or blank: the SDKs trim values and skip empty ones. */
  public String environmentVariable(String name) {
    return blankToNull(environment.get(name));
  }

  /** The property's value, or {@code null} when it is unset or blank. */
  public String systemProperty(String name) {
    return blankToNull(systemProperties.get(name));
  }

  /** The whole environment, for code that takes it as a map. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The JVM's {@code user.home}: SDK v1's only home directory, and SDK v2's last resort. */
  public String userHome() {
    return systemProperty("user.home");
  }

  public ProfileFiles.Platform platform() {
    String os = systemProperties.get("os.name");
    return os != null && os.toLowerCase(Locale.ROOT).startsWith("windows")
        ? ProfileFiles.Platform.WINDOWS : ProfileFiles.Platform.POSIX;
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** Names how much there is, never a value: the environment can hold secrets. */
  @Override
  public String toString() {
    return "HostSettings(" + environment.size() + " environment variables, " + systemProperties.size()
        + " system properties)";
  }
}
