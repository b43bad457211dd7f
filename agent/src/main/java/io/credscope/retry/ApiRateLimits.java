package io.credscope.retry;

/**
 * Request rates AWS documents for some APIs, against which the summary measures how hard an API was throttled: a
 * peak far below the limit points at a shared quota or a burst, one at the limit at a quota to raise.
 */
public final class ApiRateLimits {

  /** No limit is known. */
  public static final int UNKNOWN = -1;

  private ApiRateLimits() {
  }

  /**
   * @param method the HTTP method, which tells S3's read and write limits apart
   * @return calls per second, or {@link #UNKNOWN}
   */
  public static int perSecond(String service, String operation, String method) {
    if ("ec2".equals(service) && "DescribeInstances".equals(operation)) {
      // EC2 API request throttling: the DescribeInstances bucket.
      return 100;
    }
    if ("s3".equals(service)) {
      // Per partitioned prefix: GET and HEAD, else PUT, COPY, POST and DELETE.
      return "GET".equals(method) || "HEAD".equals(method) ? 5500 : 3500;
    }
    if ("sts".equals(service)) {
      // The STS request quota, per account and Region.
      return 600;
    }
    return UNKNOWN;
  }

  /** Says what the limit applies to, for the summary line. */
  public static String scope(String service) {
    return "s3".equals(service) ? "per prefix" : "per account and region";
  }
}
