package io.credscope.credentials;

/**
 * An access key id. It is not a secret, but it names an identity, so every output shows it masked
 * ({@code AKIA…WXYZ}) unless the user opted out. {@link #toString()} always masks.
 */
public final class AccessKeyId {

  private static final char ELLIPSIS = '\u2026';
  private static final int SHOWN = 4;

  /** What anonymous credentials carry: no key, so requests go unsigned. */
  public static final AccessKeyId NONE = new AccessKeyId("");

  private final String value;
  private final KeyType type;

  private AccessKeyId(String value) {
    this.value = value;
    this.type = KeyType.of(value);
  }

  public static AccessKeyId of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("access key id is null");
    }
    return new AccessKeyId(value);
  }

  public KeyType type() {
    return type;
  }

  /**
   * The first and last four characters; a key too short to keep both hidden shows only its prefix;
   * {@link #NONE} shows as {@code (none)}.
   */
  public String masked() {
    if (value.isEmpty()) {
      return "(none)";
    }
    if (value.length() >= 3 * SHOWN) {
      return value.substring(0, SHOWN) + ELLIPSIS + value.substring(value.length() - SHOWN);
    }
    return value.substring(0, Math.min(SHOWN, value.length() / 2)) + ELLIPSIS;
  }

  /** The 12-digit AWS account the id encodes, or {@code null} when it carries none: see {@link KeyAccount}. */
  public String account() {
    return KeyAccount.of(value);
  }

  public String display(boolean mask) {
    return mask || value.isEmpty() ? masked() : value;
  }

  /** The unmasked value, for matching only. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessKeyId && ((AccessKeyId) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
