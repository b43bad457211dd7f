package io.credscope.profiles;

/**
 * The two shared files a profile can come from. They differ in how sections are named ({@code [profile x]} in the
 * config file, {@code [x]} in the credentials file), and the credentials file wins when both set a property, so a
 * report has to say which file a value came from.
 */
public enum ProfileFileType {
  /** {@code ~/.aws/config}, or {@code AWS_CONFIG_FILE}. */
  CONFIG("config"),
  /** {@code ~/.aws/credentials}, or {@code AWS_SHARED_CREDENTIALS_FILE}. */
  CREDENTIALS("credentials");

  private final String label;

  ProfileFileType(String label) {
    this.label = label;
  }

  /** {@code config} or {@code credentials}, as users call the files. */
  public String label() {
    return label;
  }
}
