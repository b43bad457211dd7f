package io.credscope.awserrors;

/**
 * The error an AWS service answered with: its code as the SDKs compare it (no {@code namespace#} prefix, no
 * {@code :uri} suffix), the HTTP status, and whether it means throttling. The code is null when the response
 * did not name one in the part that was read, as with a proxy's HTML error page.
 */
public final class AwsErrorCode {

  /** Where the code was found; tells the protocol family when nothing else does. */
  public enum Source {
    /** {@code x-amzn-query-error}: a JSON service that keeps the code of its former Query API. */
    QUERY_ERROR_HEADER,
    /** {@code X-Amzn-ErrorType}: REST-JSON and, sometimes, AWS JSON 1.0/1.1. */
    ERROR_TYPE_HEADER,
    /** The body's top-level {@code code} or {@code __type}: AWS JSON 1.0/1.1 and REST-JSON. */
    JSON_BODY,
    /** {@code <Error><Code>}: Query, EC2 Query, REST-XML and S3. */
    XML_BODY,
    /** No code was found. */
    NONE
  }

  private final String code;
  private final int httpStatus;
  private final boolean throttling;
  private final Source source;

  AwsErrorCode(String code, int httpStatus, Source source) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.source = code == null ? Source.NONE : source;
    this.throttling = ThrottlingCodes.isThrottling(code, httpStatus);
  }

  /** The normalized error code, e.g. {@code ThrottlingException}, or null if the response named none. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the SDKs would treat this response as throttling; see {@link ThrottlingCodes}. */
  public boolean throttling() {
    return throttling;
  }

  public Source source() {
    return source;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AwsErrorCode)) {
      return false;
    }
    AwsErrorCode that = (AwsErrorCode) other;
    return httpStatus == that.httpStatus && source == that.source
        && (code == null ? that.code == null : code.equals(that.code));
  }

  @Override
  public int hashCode() {
    return 31 * (code == null ? 0 : code.hashCode()) + httpStatus;
  }

  @Override
  public String toString() {
    return "AwsErrorCode(" + httpStatus + " " + code + (throttling ? ", throttling" : "") + ", from " + source + ")";
  }
}
