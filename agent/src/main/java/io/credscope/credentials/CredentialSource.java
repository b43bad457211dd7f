package io.credscope.credentials;

/** Where credentials came from: the vocabulary every event, finding and report uses. */
public enum CredentialSource {
  SYSTEM_PROPERTIES("system-properties"),
  ENVIRONMENT("environment"),
  WEB_IDENTITY("web-identity"),
  PROFILE("profile"),
  CONTAINER("container"),
  INSTANCE_PROFILE("instance-profile"),
  STATIC("static"),
  PROCESS("process"),
  SSO("sso"),
  ASSUME_ROLE("assume-role"),
  /** No key at all: requests go unsigned, as for public S3 objects. */
  ANONYMOUS("anonymous"),
  CUSTOM("custom");

  private final String id;

  CredentialSource(String id) {
    this.id = id;
  }

  /** The stable name used in the audit log and in human lines. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
