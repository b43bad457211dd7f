package io.credscope.probe;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.profiles.Profile;
import io.credscope.profiles.ProfileClassification;
import io.credscope.profiles.ProfileClassifier;
import io.credscope.profiles.ProfileFileType;
import io.credscope.profiles.ProfileKind;
import io.credscope.profiles.ProfileProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The profile an SDK selects: available when it sets credentials of a kind that SDK's profile provider can use.
 * Whether an assumed role's source profile works, or an SSO session is logged in, is for the SDK to find out.
 */
final class ProfileProbe implements SourceProbe {

  private static final String ACCESS_KEY_ID = "aws_access_key_id";
  private static final String SECRET_ACCESS_KEY = "aws_secret_access_key";

  @Override
  public SourceAvailability probe(SdkDialect sdk, HostSettings settings) {
    String provider = sdk.provider(CredentialSource.PROFILE);
    SdkProfiles files = SdkProfiles.read(sdk, settings);
    String name = "profile '" + files.profileName() + "'";
    if (files.problem() != null) {
      return unavailable(sdk, provider, "cannot read the profile files: " + files.problem());
    }
    Profile profile = files.profile();
    if (profile == null) {
      return unavailable(sdk, provider, notFound(name, files));
    }
    ProfileClassification classification = ProfileClassifier.classify(profile);
    ProfileKind kind = classification.kind();
    if (kind == ProfileKind.NONE) {
      return unavailable(sdk, provider, name + " in " + Listing.and(paths(files, fileTypes(profile)))
          + " sets no credentials");
    }
    if (!sdk.profileKinds.contains(kind)) {
      return unavailable(sdk, provider, name + " is " + label(kind) + ", which SDK " + sdk.sdk
          + "'s profile provider cannot use");
    }
    if (kind == ProfileKind.ASSUME_ROLE && sdk.assumeRoleNeedsSourceProfile && classification.sourceProfile() == null) {
      return unavailable(sdk, provider, name + " assumes its role through credential_source, which SDK " + sdk.sdk
          + " cannot use");
    }
    List<String> where = paths(files, classification.files());
    SourceAvailability available = SourceAvailability.available(sdk.sdk, CredentialSource.PROFILE, provider,
        name + " in " + Listing.and(where) + " (" + describe(classification) + ")");
    String keyId = profile.value(ACCESS_KEY_ID);
    if (kind != ProfileKind.STATIC || keyId == null || keyId.trim().isEmpty()) {
      return available;
    }
    return available.withKey(AccessKeyId.of(keyId.trim())).withSettings(Arrays.asList(ACCESS_KEY_ID, SECRET_ACCESS_KEY))
        .withProfileKeys(files.profileName(), where);
  }

  private static SourceAvailability unavailable(SdkDialect sdk, String provider, String reason) {
    return SourceAvailability.unavailable(sdk.sdk, CredentialSource.PROFILE, provider, reason);
  }

  private static String notFound(String name, SdkProfiles files) {
    List<String> existing = new ArrayList<String>();
    for (String path : files.paths()) {
      if (SdkProfiles.isFile(path)) {
        existing.add(path);
      }
    }
    if (existing.isEmpty()) {
      return files.paths().isEmpty() ? "no home directory to find the profile files in"
          : "no profile file at " + or(files.paths());
    }
    return name + " not found in " + or(existing);
  }

  private static String or(List<String> paths) {
    return Listing.and(paths).replace(" and ", " or ");
  }

  private static Set<ProfileFileType> fileTypes(Profile profile) {
    Set<ProfileFileType> types = EnumSet.noneOf(ProfileFileType.class);
    for (ProfileProperty property : profile.properties().values()) {
      types.add(property.file());
    }
    return types;
  }

  private static List<String> paths(SdkProfiles files, Set<ProfileFileType> types) {
    List<String> paths = new ArrayList<String>();
    for (ProfileFileType type : types) {
      paths.add(files.path(type));
    }
    return paths;
  }

  private static String label(ProfileKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** "static keys", "assume-role arn:… via source_profile=default", "credential_process". */
  private static String describe(ProfileClassification classification) {
    switch (classification.kind()) {
      case STATIC:
        return "static keys";
      case PROCESS:
        return "credential_process";
      case ASSUME_ROLE:
        return "assume-role " + classification.roleArn() + (classification.sourceProfile() != null
            ? " via source_profile=" + classification.sourceProfile()
            : " via credential_source=" + classification.credentialSource());
      case WEB_IDENTITY:
        return "web-identity " + classification.roleArn();
      default:
        return label(classification.kind());
    }
  }
}
