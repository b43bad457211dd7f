package io.credscope.demo.fakeaws;

import java.security.SecureRandom;

/**
 * Key material made up per run. Fresh random secrets mean a test that finds none of them in the
 * output has proven something: no leak can hide behind a value that happens to be elsewhere.
 */
public record DemoKeys(String accessKeyId, String secretAccessKey, String sessionToken) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** An IAM user's long-term key: {@code AKIA…}, no session token. */
  public static DemoKeys longTerm() {
    return new DemoKeys("AKIA" + ofDemoAccount(), random(SECRET_ALPHABET, 40), null);
  }

  /** STS-issued session credentials: {@code ASIA…} with a session token. */
  public static DemoKeys temporary() {
    return new DemoKeys("ASIA" + ofDemoAccount(), random(SECRET_ALPHABET, 40),
        "FwoGZXIvYXdzE" + random(SECRET_ALPHABET, 120));
  }

  /**
   * The 16 characters after the prefix, as AWS has issued them since about 2019: base32, a first bit of 1, then the
   * 40 bits of the account ({@link Identities#ACCOUNT}), then random bits. So the demo's keys decode to the account
   * the fake STS says they belong to, as real ones do.
   */
  private static String ofDemoAccount() {
    long bits = 1L << 44 | Long.parseLong(Identities.ACCOUNT) << 4 | RANDOM.nextInt(16);
    StringBuilder id = new StringBuilder(16);
    for (int shift = 40; shift >= 0; shift -= 5) {
      id.append(KEY_ID_ALPHABET.charAt((int) (bits >>> shift & 31)));
    }
    return id.append(random(KEY_ID_ALPHABET, 7)).toString();
  }

  /** The access key id as credscope masks it by default. */
  public String maskedKeyId() {
    return accessKeyId.substring(0, 4) + "\u2026" + accessKeyId.substring(accessKeyId.length() - 4);
  }

  private static String random(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "DemoKeys(" + maskedKeyId() + ")";
  }
}
