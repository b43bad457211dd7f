package io.credscope.awserrors;

import java.nio.charset.StandardCharsets;

/**
 * Finds the token of an encoded authorization failure message in an error body: EC2 and a few other services
 * answer a denied call with "... Encoded authorization failure message: TOKEN", which only
 * {@code sts:DecodeAuthorizationMessage} can read. The token is not a secret: it says which policy denied what,
 * and decoding it needs its own permission.
 */
public final class EncodedAuthorizationMessage {

  private static final byte[] MARKER = "encoded authorization failure message:".getBytes(StandardCharsets.US_ASCII);

  private EncodedAuthorizationMessage() {
  }

  /**
   * @param body the first bytes of an error body, as received
   * @param length how many of them are valid
   * @param complete whether those bytes are the whole body; if not, a token that runs up to the last byte may have
   *     been cut, and is not reported
   * @return the token ({@code [A-Za-z0-9_-]+}), or null
   */
  public static String token(byte[] body, int length, boolean complete) {
    if (body == null) {
      return null;
    }
    int end = Math.min(length, body.length);
    int marker = indexOfIgnoringCase(body, end);
    if (marker < 0) {
      return null;
    }
    int start = marker + MARKER.length;
    while (start < end && (body[start] == ' ' || body[start] == '\t')) {
      start++;
    }
    int stop = start;
    while (stop < end && isTokenByte(body[stop])) {
      stop++;
    }
    if (stop == start || stop == end && !complete) {
      return null;
    }
    return new String(body, start, stop - start, StandardCharsets.US_ASCII);
  }

  /** The command that decodes it, as the finding's remedy gives it. */
  public static String decodeCommand(String token) {
    return "aws sts decode-authorization-message --encoded-message " + token;
  }

  private static boolean isTokenByte(byte b) {
    return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-';
  }

  private static int indexOfIgnoringCase(byte[] body, int end) {
    outer:
    for (int i = 0; i + MARKER.length <= end; i++) {
      for (int j = 0; j < MARKER.length; j++) {
        byte b = body[i + j];
        if (b >= 'A' && b <= 'Z') {
          b = (byte) (b + ('a' - 'A'));
        }
        if (b != MARKER[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
