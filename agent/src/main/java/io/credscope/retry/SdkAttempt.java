package io.credscope.retry;

/**
 * A request an AWS SDK is already retrying, recognised by the headers SDKs add to every attempt:
 * {@code amz-sdk-invocation-id}, the same for all attempts of one call, and
 * {@code amz-sdk-request: attempt=N; max=M}. credscope never retries such a request itself, so
 * that an SDK's attempts are never multiplied; it only watches them.
 */
public final class SdkAttempt {

  /** The SDK did not say; the header is absent or unreadable. */
  public static final int UNKNOWN = -1;

  public static final String INVOCATION_ID_HEADER = "amz-sdk-invocation-id";
  public static final String REQUEST_HEADER = "amz-sdk-request";

  private final int attempt;
  private final int max;

  private SdkAttempt(int attempt, int max) {
    this.attempt = attempt;
    this.max = max;
  }

  /**
   * @param invocationId the {@code amz-sdk-invocation-id} header, or {@code null}
   * @param request the {@code amz-sdk-request} header, or {@code null}
   * @return the attempt, or {@code null} when neither header marks the request as an SDK's
   */
  public static SdkAttempt of(String invocationId, String request) {
    if (request == null) {
      return invocationId == null ? null : new SdkAttempt(UNKNOWN, UNKNOWN);
    }
    return new SdkAttempt(field(request, "attempt"), field(request, "max"));
  }

  /** The attempt's number, from 1, or {@link #UNKNOWN}. */
  public int attempt() {
    return attempt;
  }

  /** The most attempts the SDK will make, or {@link #UNKNOWN}. */
  public int max() {
    return max;
  }

  /** Whether this is the SDK's last attempt, so that a failure of it means the SDK gave up. */
  public boolean last() {
    return attempt != UNKNOWN && max != UNKNOWN && attempt >= max;
  }

  /** A {@code name=value} field of a {@code ;}-separated header, as a small whole number. */
  private static int field(String header, String name) {
    int from = 0;
    while (from < header.length()) {
      int end = header.indexOf(';', from);
      if (end < 0) {
        end = header.length();
      }
      int equals = header.indexOf('=', from);
      if (equals > from && equals < end && header.substring(from, equals).trim().equals(name)) {
        return smallNumber(header.substring(equals + 1, end).trim());
      }
      from = end + 1;
    }
    return UNKNOWN;
  }

  private static int smallNumber(String text) {
    if (text.isEmpty() || text.length() > 4) {
      return UNKNOWN;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return UNKNOWN;
      }
    }
    return Integer.parseInt(text);
  }
}
