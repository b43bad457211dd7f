package io.credscope.sigv4;

/** The two signing algorithms whose signatures name a credential scope: which key, which day, which service. */
public enum SigV4Algorithm {
  /** Signature Version 4: an HMAC key derived for one day, one region and one service. */
  HMAC_SHA256("AWS4-HMAC-SHA256"),
  /**
   * SigV4a: an ECDSA key derived from the same secret, valid in a set of regions (S3 Multi-Region Access Points,
   * for example). Its credential scope has no region; the regions travel in {@code X-Amz-Region-Set}.
   */
  ECDSA_P256_SHA256("AWS4-ECDSA-P256-SHA256");

  private final String id;

  SigV4Algorithm(String id) {
    this.id = id;
  }

  /** The identifier as it appears on the wire, e.g. {@code AWS4-HMAC-SHA256}. */
  public String id() {
    return id;
  }

  /** Whether a signature with this algorithm is valid in a set of regions rather than in one. */
  public boolean multiRegion() {
    return this == ECDSA_P256_SHA256;
  }

  /** The algorithm whose identifier starts at {@code offset} in {@code text}, or null. */
  static SigV4Algorithm startingAt(String text, int offset) {
    if (text.startsWith(HMAC_SHA256.id, offset)) {
      return HMAC_SHA256;
    }
    if (text.startsWith(ECDSA_P256_SHA256.id, offset)) {
      return ECDSA_P256_SHA256;
    }
    return null;
  }

  /** The algorithm whose identifier is exactly {@code text[start, end)}, or null. */
  static SigV4Algorithm exactly(String text, int start, int end) {
    SigV4Algorithm algorithm = startingAt(text, start);
    return algorithm != null && algorithm.id.length() == end - start ? algorithm : null;
  }

  @Override
  public String toString() {
    return id;
  }
}
