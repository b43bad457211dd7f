package io.credscope.sigv4;

import io.credscope.credentials.AccessKeyId;

/**
 * What a SigV4 or SigV4a signature says about the credentials behind a request: the access key id and the
 * credential scope (day, region, service), plus, for presigned URLs, how long the URL is valid. It holds nothing
 * secret: the signature itself is not kept, and a security token only as "present or not", so that no value of
 * this type can leak a session token into a log or a report.
 */
public final class SigV4Authorization {

  private final SigV4Algorithm algorithm;
  private final String accessKeyId;
  private final String date;
  private final String region;
  private final String service;
  private final String signedHeaders;
  private final boolean presigned;
  private final long expiresSeconds;
  private final String signedAt;
  private final boolean securityToken;

  SigV4Authorization(SigV4Algorithm algorithm, String accessKeyId, String date, String region, String service,
      String signedHeaders, boolean presigned, long expiresSeconds, String signedAt, boolean securityToken) {
    this.algorithm = algorithm;
    this.accessKeyId = accessKeyId;
    this.date = date;
    this.region = region;
    this.service = service;
    this.signedHeaders = signedHeaders;
    this.presigned = presigned;
    this.expiresSeconds = expiresSeconds;
    this.signedAt = signedAt;
    this.securityToken = securityToken;
  }

  public SigV4Algorithm algorithm() {
    return algorithm;
  }

  /** The unmasked access key id, for matching; outputs should go through {@link AccessKeyId#masked()}. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The day of the credential scope, {@code yyyyMMdd}. */
  public String date() {
    return date;
  }

  /**
   * The region of the credential scope for SigV4. SigV4a scopes have no region, so for SigV4a this is the
   * comma-separated {@code X-Amz-Region-Set} (e.g. {@code us-east-1,us-west-2}) when it was given, else null.
   */
  public String region() {
    return region;
  }

  /** The signing name of the service, e.g. {@code s3}; not always the endpoint prefix. */
  public String service() {
    return service;
  }

  /** The signed header names, lower case and {@code ;}-joined, exactly as in the signature. */
  public String signedHeaders() {
    return signedHeaders;
  }

  /** Whether the header with this name is among the signed headers, ignoring case; allocates nothing. */
  public boolean signsHeader(String name) {
    return name != null && listsHeader(signedHeaders, name);
  }

  /** Whether the signature came from a presigned URL's query rather than from an {@code Authorization} header. */
  public boolean presigned() {
    return presigned;
  }

  /** {@code X-Amz-Expires} of a presigned URL, in seconds; -1 if absent or unreadable. */
  public long expiresSeconds() {
    return expiresSeconds;
  }

  /** {@code X-Amz-Date} of a presigned URL, e.g. {@code 20130524T000000Z}; null for an {@code Authorization} header. */
  public String signedAt() {
    return signedAt;
  }

  /**
   * Whether the request carries a session token, i.e. was signed with temporary credentials. For an
   * {@code Authorization} header this is known only when the token is signed or the caller said it saw the header.
   */
  public boolean hasSecurityToken() {
    return securityToken;
  }

  static boolean listsHeader(String signedHeaders, String name) {
    int length = signedHeaders.length();
    int start = 0;
    while (start <= length) {
      int end = signedHeaders.indexOf(';', start);
      if (end < 0) {
        end = length;
      }
      if (end - start == name.length() && signedHeaders.regionMatches(true, start, name, 0, name.length())) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SigV4Authorization)) {
      return false;
    }
    SigV4Authorization that = (SigV4Authorization) other;
    return algorithm == that.algorithm && accessKeyId.equals(that.accessKeyId) && date.equals(that.date)
        && (region == null ? that.region == null : region.equals(that.region)) && service.equals(that.service)
        && signedHeaders.equals(that.signedHeaders) && presigned == that.presigned
        && expiresSeconds == that.expiresSeconds
        && (signedAt == null ? that.signedAt == null : signedAt.equals(that.signedAt))
        && securityToken == that.securityToken;
  }

  @Override
  public int hashCode() {
    int hash = algorithm.hashCode();
    hash = 31 * hash + accessKeyId.hashCode();
    hash = 31 * hash + date.hashCode();
    hash = 31 * hash + (region == null ? 0 : region.hashCode());
    hash = 31 * hash + service.hashCode();
    return hash;
  }

  /** Shows the key masked, like every other output of credscope. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SigV4Authorization(").append(algorithm.id())
        .append(", key=").append(AccessKeyId.of(accessKeyId).masked());
    if (algorithm.multiRegion()) {
      text.append(", scope=").append(date).append('/').append(service).append(", regionSet=").append(region);
    } else {
      text.append(", scope=").append(date).append('/').append(region).append('/').append(service);
    }
    text.append(", signedHeaders=").append(signedHeaders);
    if (presigned) {
      text.append(", presigned, signedAt=").append(signedAt).append(", expiresSeconds=").append(expiresSeconds);
    }
    return text.append(", securityToken=").append(securityToken).append(')').toString();
  }
}
