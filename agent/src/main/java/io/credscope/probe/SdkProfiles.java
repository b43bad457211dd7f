package io.credscope.probe;

import io.credscope.profiles.Profile;
import io.credscope.profiles.ProfileFileParser;
import io.credscope.profiles.ProfileFileType;
import io.credscope.profiles.ProfileFiles;
import io.credscope.profiles.ProfileParseException;
import io.credscope.profiles.ProfileSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile files one SDK's profile provider reads, and the profile it selects, read and parsed.
 *
 * <ul>
 *   <li>SDK v2 merges the config and credentials files, found as the cross-SDK spec says ({@link ProfileFiles}),
 *       with {@code aws.configFile} and {@code aws.sharedCredentialsFile} before the variables.</li>
 *   <li>SDK v1's profile provider reads one file: {@code AWS_CREDENTIAL_PROFILES_FILE}, else
 *       {@code ~/.aws/credentials}, else, if only that exists, the legacy {@code ~/.aws/config}, with {@code ~} from
 *       {@code user.home}. It reads whichever it is as a credentials file, sections named {@code [name]}.</li>
 * </ul>
 */
final class SdkProfiles {

  private final String profileName;
  private final Map<ProfileFileType, String> paths;
  private final ProfileSet profiles;
  private final String problem;

  private SdkProfiles(String profileName, Map<ProfileFileType, String> paths, ProfileSet profiles, String problem) {
    this.profileName = profileName;
    this.paths = Collections.unmodifiableMap(paths);
    this.profiles = profiles;
    this.problem = problem;
  }

  static SdkProfiles read(SdkDialect sdk, HostSettings settings) {
    SettingValue selected = sdk.profileName.find(settings);
    String name = selected == null ? ProfileFiles.DEFAULT_PROFILE : selected.value();
    Map<ProfileFileType, String> paths = new EnumMap<ProfileFileType, String>(ProfileFileType.class);
    try {
      if (sdk.configFile != null) {
        ProfileFiles files = ProfileFiles.locate(locations(sdk, settings), settings.platform(), settings.userHome());
        paths.put(ProfileFileType.CONFIG, files.configFile());
        paths.put(ProfileFileType.CREDENTIALS, files.credentialsFile());
        return new SdkProfiles(name, paths, ProfileFileParser.load(files), null);
      }
      String file = singleFile(sdk, settings);
      paths.put(ProfileFileType.CREDENTIALS, file);
      // Located without a home directory, the files are that one credentials file and no config file.
      ProfileFiles alone = ProfileFiles.locate(Collections.singletonMap("AWS_SHARED_CREDENTIALS_FILE", file),
          ProfileFiles.Platform.POSIX, null);
      return new SdkProfiles(name, paths, ProfileFileParser.load(alone), null);
    } catch (IOException | ProfileParseException e) {
      return new SdkProfiles(name, paths, null, e.getMessage());
    }
  }

  /** The environment with SDK v2's system properties put where {@link ProfileFiles} looks, as the SDK ranks them. */
  private static Map<String, String> locations(SdkDialect sdk, HostSettings settings) {
    Map<String, String> locations = new HashMap<String, String>(settings.environment());
    SettingValue config = sdk.configFile.find(settings);
    if (config != null) {
      locations.put("AWS_CONFIG_FILE", config.value());
    }
    SettingValue credentials = sdk.credentialsFile.find(settings);
    if (credentials != null) {
      locations.put("AWS_SHARED_CREDENTIALS_FILE", credentials.value());
    }
    return locations;
  }

  private static String singleFile(SdkDialect sdk, HostSettings settings) throws IOException {
    SettingValue override = sdk.credentialsFile.find(settings);
    if (override != null) {
      return override.value();
    }
    String home = settings.userHome();
    if (home == null) {
      throw new IOException("user.home is not set");
    }
    String credentials = Paths.get(home, ".aws", "credentials").toString();
    String legacyConfig = Paths.get(home, ".aws", "config").toString();
    return !isFile(credentials) && isFile(legacyConfig) ? legacyConfig : credentials;
  }

  static boolean isFile(String path) {
    try {
      return path != null && Files.isRegularFile(Paths.get(path));
    } catch (InvalidPathException unusable) {
      return false;
    }
  }

  /** The profile the SDK selects: {@code AWS_PROFILE} or {@code aws.profile}, in that SDK's order, else default. */
  String profileName() {
    return profileName;
  }

  /** The selected profile, or {@code null} when the files do not define it or could not be read. */
  Profile profile() {
    return profiles == null ? null : profiles.profile(profileName);
  }

  /** The path the SDK reads a file type from, or {@code null} when it reads no such file or has no home to find it. */
  String path(ProfileFileType type) {
    return paths.get(type);
  }

  /** The paths the SDK reads, whether they exist or not. */
  List<String> paths() {
    List<String> all = new ArrayList<String>();
    for (String path : paths.values()) {
      if (path != null) {
        all.add(path);
      }
    }
    return all;
  }

  /** Why the files could not be read, or {@code null}. */
  String problem() {
    return problem;
  }
}
