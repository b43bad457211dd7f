package io.credscope.probe;

import io.credscope.credentials.Sdk;
import io.credscope.profiles.Profile;
import io.credscope.profiles.ProfileFileType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The settings of the profile an SDK selects that this SDK does not act on, though SDK v2 and the AWS CLI do. SDK v1
 * assumes a role only with a {@code source_profile}'s keys, and has no SSO or profile web-identity provider: with
 * {@code credential_source}, {@code sso_*} or {@code web_identity_token_file} in its profile, it hands out other
 * credentials than the CLI would, silently. Reads the profile file only, as the SDK would.
 */
public final class IgnoredProfileSettings {

  private final String profile;
  private final String file;
  private final List<String> settings;
  private final String roleArn;

  private IgnoredProfileSettings(String profile, String file, List<String> settings, String roleArn) {
    this.profile = profile;
    this.file = file;
    this.settings = Collections.unmodifiableList(settings);
    this.roleArn = roleArn;
  }

  /** What the SDK ignores in the profile it selects now, or {@code null} when it acts on all of it. */
  public static IgnoredProfileSettings of(Sdk sdk, HostSettings host) {
    if (sdk != Sdk.V1) {
      return null;
    }
    SdkProfiles files = SdkProfiles.read(SdkDialect.V1, host);
    Profile profile = files.profile();
    if (profile == null) {
      return null;
    }
    List<String> ignored = new ArrayList<String>();
    for (String name : profile.properties().keySet()) {
      if (name.equals("credential_source") || name.equals("web_identity_token_file") || name.startsWith("sso_")) {
        ignored.add(name);
      }
    }
    if (ignored.isEmpty()) {
      return null;
    }
    Collections.sort(ignored);
    return new IgnoredProfileSettings(files.profileName(), files.path(ProfileFileType.CREDENTIALS), ignored,
        profile.value("role_arn"));
  }

  public String profile() {
    return profile;
  }

  /** The file SDK v1 read the profile from. */
  public String file() {
    return file;
  }

  /** The names of the settings ignored, sorted. */
  public List<String> settings() {
    return settings;
  }

  /** The profile's {@code role_arn}: the role SDK v2 and the CLI would assume, or {@code null}. */
  public String roleArn() {
    return roleArn;
  }
}
