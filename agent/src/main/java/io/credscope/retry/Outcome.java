package io.credscope.retry;

import io.credscope.awserrors.ThrottlingCodes;

/** What one attempt's response means for retrying it, with the rules the AWS SDKs follow. */
public enum Outcome {
  /** Not an error: the call is done. */
  SUCCESS(false),
  /** A throttling code, or 429: back off and retry. */
  THROTTLED(true),
  /**
   * 500, 502, 503 or 504 without a throttling code: transient, and retried by the SDKs, but it may come after the
   * request was applied, so credscope sends it again only as {@link ServerErrorRetries} allows.
   */
  SERVER_ERROR(true),
  /** Any other error, every other 4xx above all: retrying would get the same answer. */
  NOT_RETRYABLE(false);

  private final boolean retryable;

  Outcome(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether the SDKs retry such an answer: for watching theirs, not for deciding credscope's. */
  public boolean retryable() {
    return retryable;
  }

  /**
   * @param errorCode the response's normalized AWS error code, or {@code null} when it has none or
   *     none was read
   */
  public static Outcome of(int status, String errorCode) {
    if (ThrottlingCodes.isThrottling(errorCode, status)) {
      return THROTTLED;
    }
    if (status < 400) {
      return SUCCESS;
    }
    switch (status) {
      case 500:
      case 502:
      case 503:
      case 504:
        return SERVER_ERROR;
      default:
        return NOT_RETRYABLE;
    }
  }
}
