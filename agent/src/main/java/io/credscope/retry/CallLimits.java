package io.credscope.retry;

/**
 * What one call's retries must stay within beyond the policy: whether a server error may be sent again, and the
 * wall-clock time by which the last attempt must have gone out, with what sets it (the request's signature, which
 * AWS refuses once it has expired, or the caller's own timeout). Immutable.
 */
public final class CallLimits {

  /** Throttling only, at any time: for calls of which nothing more is known. */
  public static final CallLimits THROTTLING_ONLY = new CallLimits(false, Long.MAX_VALUE, null);

  private final boolean resendsServerErrors;
  private final long sendByMillis;
  private final String sendByReason;

  private CallLimits(boolean resendsServerErrors, long sendByMillis, String sendByReason) {
    this.resendsServerErrors = resendsServerErrors;
    this.sendByMillis = sendByMillis;
    this.sendByReason = sendByReason;
  }

  public static CallLimits of(boolean resendsServerErrors) {
    return resendsServerErrors ? new CallLimits(true, Long.MAX_VALUE, null) : THROTTLING_ONLY;
  }

  /** These limits, with the last attempt due by {@code millis} too, if that is sooner; {@code reason} says why. */
  public CallLimits sendBy(long millis, String reason) {
    return millis >= sendByMillis ? this : new CallLimits(resendsServerErrors, millis, reason);
  }

  public boolean resendsServerErrors() {
    return resendsServerErrors;
  }

  /** Epoch milliseconds; {@link Long#MAX_VALUE} when no time limits the call. */
  public long sendByMillis() {
    return sendByMillis;
  }

  /** What sets {@link #sendByMillis}, as a record's reason says it; {@code null} when nothing does. */
  public String sendByReason() {
    return sendByReason;
  }

  /** Whether this answer is one to send the request again for. */
  boolean retries(Outcome outcome) {
    return outcome == Outcome.THROTTLED || outcome == Outcome.SERVER_ERROR && resendsServerErrors;
  }
}
