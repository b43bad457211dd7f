package io.credscope.retry;

/**
 * A request an AWS SDK is already retrying, recognised by the headers SDKs add to every attempt:
 * {@code amz-sdk-invocation-id}, the same for all attempts of one call, and SDK v2's
 * {@code amz-sdk-request: attempt=N; max=M} or SDK v1's {@code amz-sdk-retry: R/D/C} (retries so far, the last
 * backoff in milliseconds, the retry capacity left). credscope never retries such a request itself, so that an
 * SDK's attempts are never multiplied; it only watches them.
 */
public final class SdkAttempt {

  /** The SDK did not say; the header is absent or unreadable. */
  public static final int UNKNOWN = -1;

  public static final String INVOCATION_ID_HEADER = "amz-sdk-invocation-id";
  public static final String REQUEST_HEADER = "amz-sdk-request";
  public static final String V1_RETRY_HEADER = "amz-sdk-retry";

  /** Which SDK says so, by the header it sent: {@code sdk-v2}, {@code sdk-v1}, or {@code sdk} when only the id. */
  private final String retrier;
  private final int attempt;
  private final int max;
  private final long lastBackoffMillis;

  private SdkAttempt(String retrier, int attempt, int max, long lastBackoffMillis) {
    this.retrier = retrier;
    this.attempt = attempt;
    this.max = max;
    this.lastBackoffMillis = lastBackoffMillis;
  }

  /**
   * @param invocationId the {@code amz-sdk-invocation-id} header, or {@code null}
   * @param request the {@code amz-sdk-request} header, else the {@code amz-sdk-retry} header, or {@code null}
   * @return the attempt, or {@code null} when neither header marks the request as an SDK's
   */
  public static SdkAttempt of(String invocationId, String request) {
    if (request == null) {
      return invocationId == null ? null : new SdkAttempt("sdk", UNKNOWN, UNKNOWN, UNKNOWN);
    }
    if (request.indexOf('=') < 0) {
      String[] fields = request.split("/", -1);
      int retries = fields.length == 3 ? smallNumber(fields[0].trim()) : UNKNOWN;
      long backoff = fields.length == 3 ? smallNumber(fields[1].trim()) : UNKNOWN;
      return new SdkAttempt("sdk-v1", retries == UNKNOWN ? UNKNOWN : retries + 1, UNKNOWN, backoff);
    }
    return new SdkAttempt("sdk-v2", field(request, "attempt"), field(request, "max"), UNKNOWN);
  }

  /** A request that no header marks, yet an SDK's code sent: seen on the call stack. */
  public static SdkAttempt onStack() {
    return new SdkAttempt("sdk", UNKNOWN, UNKNOWN, UNKNOWN);
  }

  public String retrier() {
    return retrier;
  }

  /** The attempt's number, from 1, or {@link #UNKNOWN}. */
  public int attempt() {
    return attempt;
  }

  /** The most attempts the SDK will make, or {@link #UNKNOWN}. */
  public int max() {
    return max;
  }

  /** The backoff the SDK waited before this attempt, as SDK v1 tells it, or {@link #UNKNOWN}. */
  public long lastBackoffMillis() {
    return lastBackoffMillis;
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
    if (text.isEmpty() || text.length() > 6) {
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
