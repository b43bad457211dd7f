package io.credscope.events;

import java.time.Instant;

/**
 * The first call on the wire signed with one access key for one service and region, from one credential source:
 * which key really signed, whatever the client. Later calls of the same kind are only counted.
 */
public final class AwsCall implements Event {

  private final Instant time;
  private final CallIdentity identity;
  private final String host;
  private final String method;
  private final String library;
  private final boolean presigned;
  private final String caller;

  public AwsCall(Instant time, CallIdentity identity, String host, String method, String library, boolean presigned,
      String caller) {
    this.time = time;
    this.identity = identity;
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

  public CallIdentity identity() {
    return identity;
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
    return "AwsCall(" + identity.service() + ", " + identity.region() + ", " + identity.key().masked() + ", "
        + identity.sourceId() + ", " + library + ")";
  }
}
