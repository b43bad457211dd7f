package io.credscope.retry;

/** What happened to one call under the {@link Retrier}: for its meters, records and findings. */
public interface RetryListener {

  /**
   * Attempt {@code number} answered {@code outcome}; the next one starts after {@code delayMillis}, which the
   * jitter drew below {@code ceilingMillis} unless the server asked for it.
   */
  void retrying(int number, Outcome outcome, long delayMillis, long ceilingMillis);

  /** Attempt {@code number} answered, and that answer is the call's: a success or an error not worth retrying. */
  void finished(int attempts, long totalDelayMillis, Outcome outcome);

  /** Every attempt the policy allows was made, and the last still failed. */
  void gaveUp(int attempts, long totalDelayMillis, Outcome lastOutcome);

  /**
   * The answer was worth retrying, but the wait would end after the time by which the call's last attempt must go
   * out: its signature would have expired, or the caller's timeout passed. The answer is the call's.
   */
  void outOfTime(int attempts, long totalDelayMillis, Outcome lastOutcome, String reason);

  /** The answer was worth retrying, but the request's body cannot be sent again, so it is the call's. */
  void notReplayable(int attempts, Outcome outcome);

  /**
   * The budget could not pay for another retry, so the call ends with the server's answer.
   *
   * @param startsEpisode whether this is the first refusal since retries were last granted
   */
  void budgetRefused(int attempts, boolean startsEpisode, int budgetLevel);
}
