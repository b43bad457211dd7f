package io.credscope.credentials;

/**
 * The AWS account an access key id encodes, decoded locally, as {@code aws sts get-access-key-info} would answer,
 * without sending a request.
 *
 * <p>The 16 characters after the {@code AKIA}/{@code ASIA} prefix are base32 ({@code A-Z2-7}, 5 bits each). In the
 * key ids AWS has issued since about 2019, the first of those bits is 1 and the next 40 bits are the account
 * number; in older ids the first bit is 0 (their fifth character is {@code I} or {@code J}, as in the documentation's
 * {@code AKIAIOSFODNN7EXAMPLE}) and no account can be read from them. Public write-ups: Aidan Steele, "AWS Access
 * Key ID formats" (2020); Tal Be'ery, "A short note on AWS KEY ID" (2023, the 1-bit shift); WithSecure Labs, "A
 * bitwise analysis of AWS access key identifiers" (bit 20 as the generation flag, bits 21-60 as the account).
 */
public final class KeyAccount {

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int LENGTH = 20;
  private static final int PREFIX = 4;
  /** Nine characters (45 bits) hold the generation bit and the 40 account bits, with 4 bits to spare. */
  private static final int CHARS_READ = 9;
  private static final int SPARE_BITS = 4;
  private static final long ACCOUNT_BITS = (1L << 40) - 1;
  private static final long ACCOUNTS = 1_000_000_000_000L;

  private KeyAccount() {
  }

  /**
   * The 12-digit account, or {@code null} when the id carries none: not an {@code AKIA}/{@code ASIA} id of 20
   * base32 characters, an old-generation id, or a value no account number can have.
   */
  public static String of(String keyId) {
    if (keyId == null || keyId.length() != LENGTH || !(keyId.startsWith("AKIA") || keyId.startsWith("ASIA"))) {
      return null;
    }
    long bits = 0;
    for (int i = PREFIX; i < LENGTH; i++) {
      int digit = BASE32.indexOf(keyId.charAt(i));
      if (digit < 0) {
        return null;
      }
      if (i < PREFIX + CHARS_READ) {
        bits = bits << 5 | digit;
      }
    }
    boolean newGeneration = (bits >>> (5 * CHARS_READ - 1)) == 1;
    long account = (bits >>> SPARE_BITS) & ACCOUNT_BITS;
    if (!newGeneration || account >= ACCOUNTS) {
      return null;
    }
    String digits = Long.toString(account);
    StringBuilder padded = new StringBuilder(12);
    for (int i = digits.length(); i < 12; i++) {
      padded.append('0');
    }
    return padded.append(digits).toString();
  }
}
