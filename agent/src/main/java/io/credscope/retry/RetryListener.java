package io.credscope.retry;

/** What happened to one call under the {@link Retrier}: for its meters, records and findings. */
public interface RetryListener {

  /** Attempt {@code number} answered {@code outcome}; the next one starts after {@code delayMillis}. */
  void retrying(int number, Outcome outcome, long delayMillis);

  /** Attempt {@code number} answered, and that answer is the call's: a success or an error not worth retrying. */
  void finished(int attempts, long totalDelayMillis, Outcome outcome);

  /** Every attempt the policy allows was made, and the last still failed. */
  void gaveUp(int attempts, long totalDelayMillis, Outcome lastOutcome);

  /**
   * The budget could not pay for another retry, so the call ends with the server's answer.
   *
   * @param startsEpisode whether this is the first refusal since retries were last granted
   */
  void budgetRefused(int attempts, boolean startsEpisode, int budgetLevel);
}
