package io.credscope.reporting;

import io.credscope.credentials.AccessKeyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A short, stable name for a whole access key id: the first 12 hex digits of SHA-256 over {@code credscope-key:} and
 * the id. Two keys whose masked forms look alike ({@code AKIA…WXYZ}) get different hashes, and the same key gets the
 * same hash in every run and every JVM, so that records can be joined across a fleet without showing the key. There
 * is no salt on purpose: a salt would break exactly that joining. The prefix keeps these hashes apart from any other
 * SHA-256 of a key id someone may compute, so one cannot be looked up in a table of the other.
 */
final class KeyHash {

  private static final String DOMAIN = "credscope-key:";
  private static final int HEX_DIGITS = 12;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private KeyHash() {
  }

  /** The hash of this key, or {@code null} for {@link AccessKeyId#NONE}, which names no identity. */
  static String of(AccessKeyId key) {
    if (key.value().isEmpty()) {
      return null;
    }
    byte[] digest = sha256().digest((DOMAIN + key.value()).getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[HEX_DIGITS];
    for (int i = 0; i < HEX_DIGITS; i++) {
      int nibble = (digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      hex[i] = HEX[nibble];
    }
    return new String(hex);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
