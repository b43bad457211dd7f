package io.credscope.http;

/** The instance metadata service traffic of a run, as the summary tells it. */
public final class ImdsCounts {

  private final long tokenRequests;
  private final long failedTokenRequests;
  private final long v2Reads;
  private final long v1Reads;

  ImdsCounts(long tokenRequests, long failedTokenRequests, long v2Reads, long v1Reads) {
    this.tokenRequests = tokenRequests;
    this.failedTokenRequests = failedTokenRequests;
    this.v2Reads = v2Reads;
    this.v1Reads = v1Reads;
  }

  public long tokenRequests() {
    return tokenRequests;
  }

  public long failedTokenRequests() {
    return failedTokenRequests;
  }

  /** Reads with a session token. */
  public long v2Reads() {
    return v2Reads;
  }

  /** Reads without one. */
  public long v1Reads() {
    return v1Reads;
  }

  public boolean any() {
    return tokenRequests + v2Reads + v1Reads > 0;
  }
}
