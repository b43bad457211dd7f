package io.credscope.events;

import java.time.Instant;

/**
 * AWS accepted (answered 2xx) a call signed with a key that code built into static credentials: proof, at no cost
 * of a request of credscope's own, that the key is live. Internal: it turns a HARDCODED_KEY finding into a verified
 * one, and is not itself written.
 */
public final class KeyAccepted implements Event {

  private final Instant time;
  private final CallIdentity identity;
  private final int status;

  public KeyAccepted(Instant time, CallIdentity identity, int status) {
    this.time = time;
    this.identity = identity;
    this.status = status;
  }

  @Override
  public String type() {
    return "key.accepted";
  }

  @Override
  public Instant time() {
    return time;
  }

  public CallIdentity identity() {
    return identity;
  }

  public int status() {
    return status;
  }
}
