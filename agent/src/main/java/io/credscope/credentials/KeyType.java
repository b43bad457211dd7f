package io.credscope.credentials;

/** What the prefix of an access key id says about its lifetime. */
public enum KeyType {
  /** {@code AKIA}: an IAM user's key, valid until someone rotates it. */
  LONG_TERM("long-term"),
  /** {@code ASIA}: issued by STS with a session token, expires on its own. */
  TEMPORARY("temporary"),
  UNKNOWN("unknown"),
  /** Anonymous credentials: no key at all. */
  NONE("none");

  private final String id;

  KeyType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  static KeyType of(String accessKeyId) {
    if (accessKeyId.isEmpty()) {
      return NONE;
    }
    if (accessKeyId.startsWith("AKIA")) {
      return LONG_TERM;
    }
    if (accessKeyId.startsWith("ASIA")) {
      return TEMPORARY;
    }
    return UNKNOWN;
  }

  @Override
  public String toString() {
    return id;
  }
}
