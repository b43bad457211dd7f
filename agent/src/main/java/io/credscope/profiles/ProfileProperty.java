package io.credscope.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One property of a profile, and the file that supplied it. The values of secret properties are not kept at all,
 * only the fact that they were set: this is a diagnostic tool, and it has no use for them.
 */
public final class ProfileProperty {

  private static final String REDACTED = "<redacted>";

  private final String name;
  private final String value;
  private final ProfileFileType file;
  private final boolean secret;

  ProfileProperty(String name, String value, ProfileFileType file, boolean secret) {
    this.name = name;
    this.value = secret ? null : value;
    this.file = file;
    this.secret = secret;
  }

  /** The name, lower-cased as the SDKs compare it. */
  public String name() {
    return name;
  }

  /**
   * The value as the SDKs see it, with continuation lines joined by {@code \n}; {@code null} for a secret, whose
   * value was dropped while parsing.
   */
  public String value() {
    return value;
  }

  /** The file that supplied this value; the credentials file when both did. */
  public ProfileFileType file() {
    return file;
  }

  /** Whether this is {@code aws_secret_access_key}, {@code aws_session_token} or {@code aws_security_token}. */
  public boolean secret() {
    return secret;
  }

  /**
   * The value read as a block of sub-properties, as in {@code s3 =\n  addressing_style = path}. The spec keeps the
   * block as raw text; this splits each line at its first {@code =} and trims both sides. Lines without one are
   * skipped, and names are kept as written (sub-property names are not validated by the spec).
   */
  public Map<String, String> subProperties() {
    if (value == null) {
      return Collections.emptyMap();
    }
    Map<String, String> result = new LinkedHashMap<String, String>();
    for (String line : value.split("\n", -1)) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        String key = line.substring(0, equals).trim();
        if (!key.isEmpty()) {
          result.put(key, line.substring(equals + 1).trim());
        }
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public String toString() {
    return name + "=" + (secret ? REDACTED : value) + " (" + file.label() + ")";
  }
}
