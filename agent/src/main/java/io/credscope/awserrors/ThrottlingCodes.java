package io.credscope.awserrors;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The error codes with which AWS services say "slow down". A throttled application is a finding in itself, and
 * a retry storm after one is worse, so this list must match what the SDKs themselves back off on.
 */
public final class ThrottlingCodes {

  /** Too Many Requests: throttling whatever the code, as in aws-sdk-java-v2 and botocore's legacy retry rules. */
  public static final int TOO_MANY_REQUESTS = 429;

  /**
   * The union of the SDKs' throttling sets, taken by hand from throttling-error-codes.json in the shared test
   * corpora (botocore {@code retries/standard.py}, aws-sdk-go-v2 {@code aws/retry/standard.go}, smithy-rs
   * {@code retries/classifiers.rs}: the same 14 codes; aws-sdk-java-v2 {@code AwsErrorCode.java}: 11 of them).
   * Codes compare exactly, with case, after namespace and URI are stripped, as every SDK does.
   */
  private static final Set<String> CODES = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
      "Throttling",
      "ThrottlingException",
      "ThrottledException",
      "RequestThrottledException",
      "TooManyRequestsException",
      "ProvisionedThroughputExceededException",
      "TransactionInProgressException",
      "RequestLimitExceeded",
      "BandwidthLimitExceeded",
      "LimitExceededException",
      "RequestThrottled",
      "SlowDown",
      "PriorRequestNotComplete",
      "EC2ThrottledException")));

  private ThrottlingCodes() {
  }

  /** Whether a response with this (normalized, possibly null) error code and HTTP status means throttling. */
  public static boolean isThrottling(String code, int status) {
    return status == TOO_MANY_REQUESTS || isThrottlingCode(code);
  }

  /** Whether this normalized error code is one the SDKs treat as throttling, whatever the status. */
  public static boolean isThrottlingCode(String code) {
    return code != null && CODES.contains(code);
  }

  /** All throttling codes, unmodifiable. */
  public static Set<String> codes() {
    return CODES;
  }
}
