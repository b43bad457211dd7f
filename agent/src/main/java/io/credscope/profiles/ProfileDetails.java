package io.credscope.profiles;

import java.util.Collections;
import java.util.List;

/**
 * Which profile supplied credentials, where it is written, and what kind it is: "profile
 * production assumed role ProdAccountRoleName through source_profile=default".
 */
public final class ProfileDetails {

  private final String name;
  private final String kind;
  private final List<String> files;
  private final String roleArn;
  private final String sourceProfile;
  private final String credentialSource;
  private final String problem;

  /**
   * @param kind {@code static}, {@code assume-role}, {@code web-identity}, {@code sso}, {@code process} or
   *     {@code none}; {@code null} when the files could not be read
   * @param files the files whose properties decided the kind
   * @param problem why the files could not be read, or {@code null}
   */
  public ProfileDetails(String name, String kind, List<String> files, String roleArn, String sourceProfile,
      String credentialSource, String problem) {
    this.name = name;
    this.kind = kind;
    this.files = Collections.unmodifiableList(files);
    this.roleArn = roleArn;
    this.sourceProfile = sourceProfile;
    this.credentialSource = credentialSource;
    this.problem = problem;
  }

  public String name() {
    return name;
  }

  public String kind() {
    return kind;
  }

  public List<String> files() {
    return files;
  }

  public String roleArn() {
    return roleArn;
  }

  public String sourceProfile() {
    return sourceProfile;
  }

  public String credentialSource() {
    return credentialSource;
  }

  public String problem() {
    return problem;
  }

  /** For people: "profile 'production' (assume-role ProdAccountRoleName via source_profile=default, ~/.aws/config)". */
  public String describe() {
    StringBuilder text = new StringBuilder("profile '").append(name).append("'");
    if (kind == null) {
      return text.append(" (files unreadable: ").append(problem).append(')').toString();
    }
    text.append(" (").append(kind);
    if (roleArn != null) {
      text.append(' ').append(roleArn.substring(roleArn.lastIndexOf('/') + 1));
      if (sourceProfile != null) {
        text.append(" via source_profile=").append(sourceProfile);
      } else if (credentialSource != null) {
        text.append(" via credential_source=").append(credentialSource);
      }
    }
    for (String file : files) {
      text.append(", ").append(file);
    }
    return text.append(')').toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
