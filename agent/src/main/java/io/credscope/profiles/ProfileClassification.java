package io.credscope.profiles;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What kind of credentials a profile gives, and the properties that decided it with the file each came from, so
 * that a report can say, for instance, that a role's {@code source_profile} was set in the credentials file. It
 * names secrets at most by property name, never by value.
 */
public final class ProfileClassification {

  private final ProfileKind kind;
  private final String profileName;
  private final String roleArn;
  private final String sourceProfile;
  private final String credentialSource;
  private final Map<String, ProfileFileType> decidingProperties;

  ProfileClassification(ProfileKind kind, String profileName, String roleArn, String sourceProfile,
      String credentialSource, Map<String, ProfileFileType> decidingProperties) {
    this.kind = kind;
    this.profileName = profileName;
    this.roleArn = roleArn;
    this.sourceProfile = sourceProfile;
    this.credentialSource = credentialSource;
    this.decidingProperties =
        Collections.unmodifiableMap(new LinkedHashMap<String, ProfileFileType>(decidingProperties));
  }

  public ProfileKind kind() {
    return kind;
  }

  /** The profile's name, or {@code null} if there was no profile. */
  public String profileName() {
    return profileName;
  }

  /** The role to assume, for {@link ProfileKind#ASSUME_ROLE} and {@link ProfileKind#WEB_IDENTITY}; else null. */
  public String roleArn() {
    return roleArn;
  }

  /** The profile whose credentials assume the role, for {@link ProfileKind#ASSUME_ROLE}; else null. */
  public String sourceProfile() {
    return sourceProfile;
  }

  /**
   * Where the credentials that assume the role come from ({@code Environment}, {@code Ec2InstanceMetadata} or
   * {@code EcsContainer}), for {@link ProfileKind#ASSUME_ROLE}; else null. The SDKs refuse a profile that sets
   * both this and {@link #sourceProfile()}; both are reported as they are.
   */
  public String credentialSource() {
    return credentialSource;
  }

  /** The names of the properties that decided the kind, in the order tested, each with the file that set it. */
  public Map<String, ProfileFileType> decidingProperties() {
    return decidingProperties;
  }

  /** The files the deciding properties came from; empty for {@link ProfileKind#NONE}. */
  public Set<ProfileFileType> files() {
    Set<ProfileFileType> files = EnumSet.noneOf(ProfileFileType.class);
    files.addAll(decidingProperties.values());
    return Collections.unmodifiableSet(files);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ProfileClassification)) {
      return false;
    }
    ProfileClassification that = (ProfileClassification) other;
    return kind == that.kind && same(profileName, that.profileName) && same(roleArn, that.roleArn)
        && same(sourceProfile, that.sourceProfile) && same(credentialSource, that.credentialSource)
        && decidingProperties.equals(that.decidingProperties);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + (profileName == null ? 0 : profileName.hashCode());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ProfileClassification(").append(profileName).append(": ").append(kind);
    if (roleArn != null) {
      text.append(", roleArn=").append(roleArn);
    }
    if (sourceProfile != null) {
      text.append(", sourceProfile=").append(sourceProfile);
    }
    if (credentialSource != null) {
      text.append(", credentialSource=").append(credentialSource);
    }
    StringBuilder from = new StringBuilder();
    for (Map.Entry<String, ProfileFileType> property : decidingProperties.entrySet()) {
      from.append(from.length() == 0 ? "" : ", ").append(property.getKey()).append(" in ")
          .append(property.getValue().label());
    }
    return text.append(from.length() == 0 ? "" : ", from " + from).append(')').toString();
  }
}
