package io.credscope.profiles;

import io.credscope.credentials.Sdk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the profile an SDK's profile provider read, in the files that SDK reads, and says what
 * kind it is. Each SDK has its own names for the settings: v2 also reads {@code aws.configFile},
 * {@code aws.sharedCredentialsFile} and {@code aws.profile}; v1 calls the credentials file
 * {@code AWS_CREDENTIAL_PROFILES_FILE}. Reads files, so it runs on the reporter thread only.
 */
public final class ProfileLookup {

  private ProfileLookup() {
  }

  /**
   * @param configuredProfile the name the provider was built with, or {@code null} when it follows the environment
   * @return what was found; a profile of kind {@code NONE} when the files hold nothing usable for it
   */
  public static ProfileDetails describe(Sdk sdk, String configuredProfile, Map<String, String> environment,
      Properties systemProperties) {
    Map<String, String> settings = new HashMap<String, String>(environment);
    if (sdk == Sdk.V2) {
      copy(systemProperties, "aws.configFile", settings, "AWS_CONFIG_FILE");
      copy(systemProperties, "aws.sharedCredentialsFile", settings, "AWS_SHARED_CREDENTIALS_FILE");
      copy(systemProperties, "aws.profile", settings, "AWS_PROFILE");
    } else if (environment.get("AWS_CREDENTIAL_PROFILES_FILE") != null) {
      settings.put("AWS_SHARED_CREDENTIALS_FILE", environment.get("AWS_CREDENTIAL_PROFILES_FILE"));
    }
    ProfileFiles files = ProfileFiles.locate(settings, ProfileFiles.Platform.current());
    String name = configuredProfile != null ? configuredProfile : files.profileName();
    try {
      ProfileClassification classification = ProfileClassifier.classify(ProfileFileParser.load(files), name);
      List<String> paths = new ArrayList<String>();
      for (ProfileFileType type : classification.files()) {
        paths.add(type == ProfileFileType.CONFIG ? files.configFile() : files.credentialsFile());
      }
      return new ProfileDetails(name, classification.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          paths, classification.roleArn(), classification.sourceProfile(), classification.credentialSource(), null);
    } catch (IOException | ProfileParseException e) {
      return new ProfileDetails(name, null, new ArrayList<String>(), null, null, null, e.getMessage());
    }
  }

  private static void copy(Properties from, String property, Map<String, String> to, String variable) {
    String value = from.getProperty(property);
    if (value != null && !value.isEmpty()) {
      to.put(variable, value);
    }
  }
}
