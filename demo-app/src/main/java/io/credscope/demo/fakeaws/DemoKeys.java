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
    return new DemoKeys("AKIA" + random(KEY_ID_ALPHABET, 16), random(SECRET_ALPHABET, 40), null);
  }

  /** STS-issued session credentials: {@code ASIA…} with a session token. */
  public static DemoKeys temporary() {
    return new DemoKeys("ASIA" + random(KEY_ID_ALPHABET, 16), random(SECRET_ALPHABET, 40),
        "FwoGZXIvYXdzE" + random(SECRET_ALPHABET, 120));
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
