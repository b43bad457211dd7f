package io.credscope.profiles;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * Where the SDKs look for the shared config and credentials files, and which profile they select, as the cross-SDK
 * spec ({@code file-location-tests.json}) has it. The environment and platform are parameters, not read here, so
 * that the answer for another process (or a test) can be worked out too.
 *
 * <ul>
 *   <li>{@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} override {@code ~/.aws/config} and
 *       {@code ~/.aws/credentials}; a leading {@code ~} in them is the home directory.</li>
 *   <li>The home directory is {@code HOME}; on Windows, failing that, {@code USERPROFILE}, then
 *       {@code HOMEDRIVE} followed by {@code HOMEPATH}.</li>
 *   <li>The profile is {@code AWS_PROFILE}, or {@code default}.</li>
 * </ul>
 * Empty variables count as unset.
 */
public final class ProfileFiles {

  /** The one platform difference that matters here: Windows' path separator and home variables. */
  public enum Platform {
    WINDOWS('\\'),
    /** Linux, macOS and every other platform that is not Windows. */
    POSIX('/');

    private final char separator;

    Platform(char separator) {
      this.separator = separator;
    }

    /** The platform of this JVM. */
    public static Platform current() {
      String os = System.getProperty("os.name", "");
      return os.toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : POSIX;
    }

    public char separator() {
      return separator;
    }
  }

  public static final String DEFAULT_PROFILE = "default";

  private final String home;
  private final String configFile;
  private final String credentialsFile;
  private final String profileName;

  private ProfileFiles(String home, String configFile, String credentialsFile, String profileName) {
    this.home = home;
    this.configFile = configFile;
    this.credentialsFile = credentialsFile;
    this.profileName = profileName;
  }

  /** As {@link #locate(Map, Platform, String)} with no fallback home directory. */
  public static ProfileFiles locate(Map<String, String> environment, Platform platform) {
    return locate(environment, platform, null);
  }

  /**
   * @param environment the process environment; {@code null} counts as empty
   * @param platform which rules apply; {@code null} counts as {@link Platform#POSIX}
   * @param fallbackHome the home directory to use when the environment names none, as the JVM's
   *     {@code user.home}; may be {@code null}
   */
  public static ProfileFiles locate(Map<String, String> environment, Platform platform, String fallbackHome) {
    Map<String, String> env = environment == null ? Collections.<String, String>emptyMap() : environment;
    Platform os = platform == null ? Platform.POSIX : platform;
    String home = home(env, os, fallbackHome);
    String profile = get(env, "AWS_PROFILE");
    return new ProfileFiles(home, location(get(env, "AWS_CONFIG_FILE"), "config", home, os),
        location(get(env, "AWS_SHARED_CREDENTIALS_FILE"), "credentials", home, os),
        profile == null ? DEFAULT_PROFILE : profile);
  }

  /** The files and profile of this JVM's own process. */
  public static ProfileFiles ofThisProcess() {
    return locate(System.getenv(), Platform.current(), System.getProperty("user.home"));
  }

  private static String home(Map<String, String> env, Platform platform, String fallbackHome) {
    String home = get(env, "HOME");
    if (home == null && platform == Platform.WINDOWS) {
      home = get(env, "USERPROFILE");
      String drive = get(env, "HOMEDRIVE");
      String path = get(env, "HOMEPATH");
      if (home == null && drive != null && path != null) {
        home = drive + path;
      }
    }
    return home != null ? home : blankToNull(fallbackHome);
  }

  private static String location(String override, String fileName, String home, Platform platform) {
    if (override != null) {
      return expandHome(override, home, platform);
    }
    return home == null ? null : join(home, ".aws" + platform.separator() + fileName, platform);
  }

  /** {@code ~} and {@code ~/rest} (and {@code ~\rest} on Windows) start at the home directory; {@code ~user} not. */
  private static String expandHome(String path, String home, Platform platform) {
    if (home == null || !path.startsWith("~")) {
      return path;
    }
    if (path.length() == 1) {
      return home;
    }
    char next = path.charAt(1);
    if (next != '/' && !(platform == Platform.WINDOWS && next == '\\')) {
      return path;
    }
    String rest = path.substring(2);
    return join(home, platform == Platform.WINDOWS ? rest.replace('/', '\\') : rest, platform);
  }

  private static String join(String directory, String relative, Platform platform) {
    char last = directory.charAt(directory.length() - 1);
    boolean endsWithSeparator = last == platform.separator() || last == '/';
    return endsWithSeparator ? directory + relative : directory + platform.separator() + relative;
  }

  private static String get(Map<String, String> env, String name) {
    return blankToNull(env.get(name));
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value;
  }

  /** The home directory the default locations are under, or {@code null} if none could be found. */
  public String home() {
    return home;
  }

  /**
   * The config file's path, or {@code null} if it is the default one and no home directory could be found. An
   * override starting with {@code ~} is returned as given when there is no home directory to expand it with.
   */
  public String configFile() {
    return configFile;
  }

  /** The credentials file's path, or {@code null} as for {@link #configFile()}. */
  public String credentialsFile() {
    return credentialsFile;
  }

  /** The profile the SDKs select: {@code AWS_PROFILE}, or {@code default}. */
  public String profileName() {
    return profileName;
  }

  @Override
  public String toString() {
    return "ProfileFiles(config=" + configFile + ", credentials=" + credentialsFile + ", profile=" + profileName + ")";
  }
}
