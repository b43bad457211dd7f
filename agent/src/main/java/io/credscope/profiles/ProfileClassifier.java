package io.credscope.profiles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Says what kind of credentials a profile gives, by which properties it sets: the first match among
 * {@link ProfileKind}'s constants, in their order. So a profile with both {@code role_arn}/{@code source_profile}
 * and static keys assumes a role, as in the SDKs, where the keys then belong to a source profile. It looks only at
 * whether secrets are set, which is all a {@link Profile} knows of them.
 *
 * <p>Only the profile itself is examined: whether its {@code source_profile} or {@code sso_session} exists, and
 * whether the role chain ends, are for the caller to check.
 */
public final class ProfileClassifier {

  static final String ROLE_ARN = "role_arn";
  static final String SOURCE_PROFILE = "source_profile";
  static final String CREDENTIAL_SOURCE = "credential_source";
  static final String WEB_IDENTITY_TOKEN_FILE = "web_identity_token_file";
  static final String SSO_SESSION = "sso_session";
  static final String SSO_START_URL = "sso_start_url";
  static final String CREDENTIAL_PROCESS = "credential_process";
  static final String ACCESS_KEY_ID = "aws_access_key_id";
  static final String SECRET_ACCESS_KEY = "aws_secret_access_key";

  private ProfileClassifier() {
  }

  /** Classifies the named profile of a set; {@link ProfileKind#NONE} with no deciding properties if it is absent. */
  public static ProfileClassification classify(ProfileSet profiles, String profileName) {
    Profile profile = profiles == null ? null : profiles.profile(profileName);
    return profile == null ? none(profileName) : classify(profile);
  }

  /** Classifies one profile; a {@code null} profile is {@link ProfileKind#NONE}. */
  public static ProfileClassification classify(Profile profile) {
    if (profile == null) {
      return none(null);
    }
    String name = profile.name();
    if (profile.has(ROLE_ARN) && (profile.has(SOURCE_PROFILE) || profile.has(CREDENTIAL_SOURCE))) {
      return new ProfileClassification(ProfileKind.ASSUME_ROLE, name, profile.value(ROLE_ARN),
          profile.value(SOURCE_PROFILE), profile.value(CREDENTIAL_SOURCE),
          deciding(profile, ROLE_ARN, SOURCE_PROFILE, CREDENTIAL_SOURCE));
    }
    if (profile.has(ROLE_ARN) && profile.has(WEB_IDENTITY_TOKEN_FILE)) {
      return new ProfileClassification(ProfileKind.WEB_IDENTITY, name, profile.value(ROLE_ARN), null, null,
          deciding(profile, ROLE_ARN, WEB_IDENTITY_TOKEN_FILE));
    }
    if (profile.has(SSO_SESSION) || profile.has(SSO_START_URL)) {
      return of(ProfileKind.SSO, profile, SSO_SESSION, SSO_START_URL);
    }
    if (profile.has(CREDENTIAL_PROCESS)) {
      return of(ProfileKind.PROCESS, profile, CREDENTIAL_PROCESS);
    }
    if (profile.has(ACCESS_KEY_ID) && profile.has(SECRET_ACCESS_KEY)) {
      return of(ProfileKind.STATIC, profile, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }
    return none(name);
  }

  private static ProfileClassification of(ProfileKind kind, Profile profile, String... properties) {
    return new ProfileClassification(kind, profile.name(), null, null, null, deciding(profile, properties));
  }

  private static ProfileClassification none(String profileName) {
    return new ProfileClassification(ProfileKind.NONE, profileName, null, null, null,
        new LinkedHashMap<String, ProfileFileType>());
  }

  /** The given properties that are set, each with its file. */
  private static Map<String, ProfileFileType> deciding(Profile profile, String... properties) {
    Map<String, ProfileFileType> deciding = new LinkedHashMap<String, ProfileFileType>();
    for (String property : properties) {
      ProfileFileType file = profile.fileOf(property);
      if (file != null) {
        deciding.put(property, file);
      }
    }
    return deciding;
  }
}
