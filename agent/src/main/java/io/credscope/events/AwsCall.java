package io.credscope.events;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.time.Instant;

/**
 * The first call on the wire signed with one access key for one service and region, from one credential source:
 * which key really signed, whatever the client. Later calls of the same kind are only counted.
 */
public final class AwsCall implements Event {

  private final Instant time;
  private final AccessKeyId key;
  private final String service;
  private final String region;
  private final Sdk sdk;
  private final CredentialSource source;
  private final String provider;
  private final String host;
  private final String method;
  private final String library;
  private final boolean presigned;
  private final String caller;

  /**
   * @param sdk, source and provider are {@code null} when credscope never saw the key resolved
   * @param region {@code null} when the signature names none (SigV4a without a region set)
   */
  public AwsCall(Instant time, AccessKeyId key, String service, String region, Sdk sdk, CredentialSource source,
      String provider, String host, String method, String library, boolean presigned, String caller) {
    this.time = time;
    this.key = key;
    this.service = service;
    this.region = region;
    this.sdk = sdk;
    this.source = source;
    this.provider = provider;
    this.host = host;
    this.method = method;
    this.library = library;
    this.presigned = presigned;
    this.caller = caller;
  }

  @Override
  public String type() {
    return "aws.call";
  }

  @Override
  public Instant time() {
    return time;
  }

  public AccessKeyId key() {
    return key;
  }

  /** The signing name of the service, e.g. {@code s3}. */
  public String service() {
    return service;
  }

  public String region() {
    return region;
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  /** The source's id, or {@code unknown} when credscope never saw the key resolved. */
  public String sourceId() {
    return source == null ? "unknown" : source.id();
  }

  public String provider() {
    return provider;
  }

  public String host() {
    return host;
  }

  public String method() {
    return method;
  }

  /** The HTTP client that sent it, e.g. {@code apache-httpclient-4}. */
  public String library() {
    return library;
  }

  /** Whether the signature travelled in a presigned URL's query rather than in an {@code Authorization} header. */
  public boolean presigned() {
    return presigned;
  }

  /** The application frame that made the call, or {@code null}. */
  public String caller() {
    return caller;
  }

  @Override
  public String toString() {
    return "AwsCall(" + service + ", " + region + ", " + key.masked() + ", " + sourceId() + ", " + library + ")";
  }
}
