package io.credscope.sigv4;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * When AWS stops accepting a signed request. A request signed in its headers is accepted for five minutes after its
 * {@code X-Amz-Date}; a presigned URL until its {@code X-Amz-Expires} seconds after its own {@code X-Amz-Date}.
 * Sending it later only earns a {@code 403} (S3's {@code RequestTimeTooSkewed}, elsewhere
 * {@code SignatureDoesNotMatch} or {@code InvalidSignatureException}).
 */
public final class SignatureExpiry {

  /** How long a header-signed request is accepted after its date. */
  public static final long HEADER_SIGNATURE_MILLIS = 5 * 60_000L;

  private SignatureExpiry() {
  }

  /**
   * @param amzDate the request's {@code X-Amz-Date} header, or {@code null}
   * @param target what part of the request target the hook had, where a presigned URL's query is
   * @param sentAtMillis when the request was first sent: the latest it can have been signed, taken when the date
   *     cannot be read
   * @return epoch milliseconds
   */
  public static long expiresAtMillis(String amzDate, String target, long sentAtMillis) {
    SigV4Authorization presigned = SigV4Parser.parsePresignedQuery(target);
    if (presigned != null) {
      long signedAt = epochMillis(presigned.signedAt());
      long expires = presigned.expiresSeconds();
      if (signedAt >= 0 && expires >= 0) {
        return signedAt + expires * 1000;
      }
    }
    long signedAt = epochMillis(amzDate);
    return (signedAt >= 0 ? signedAt : sentAtMillis) + HEADER_SIGNATURE_MILLIS;
  }

  /** {@code yyyyMMdd'T'HHmmss'Z'}, SigV4's basic ISO 8601 form, as epoch milliseconds; -1 for anything else. */
  static long epochMillis(String amzDate) {
    if (amzDate == null || amzDate.length() != 16 || amzDate.charAt(8) != 'T' || amzDate.charAt(15) != 'Z') {
      return -1;
    }
    int year = digits(amzDate, 0, 4);
    int month = digits(amzDate, 4, 6);
    int day = digits(amzDate, 6, 8);
    int hour = digits(amzDate, 9, 11);
    int minute = digits(amzDate, 11, 13);
    int second = digits(amzDate, 13, 15);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 60) {
      return -1;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59))
          .toEpochSecond(ZoneOffset.UTC) * 1000;
    } catch (DateTimeException noSuchDay) {
      return -1;
    }
  }

  private static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
