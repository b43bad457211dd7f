package io.credscope.events;

import java.time.Instant;

/**
 * The first error response of one kind, per (service, operation, error code), to an AWS call seen on the wire:
 * the code as the SDKs compare it, and whether it means throttling. Later ones are only counted.
 */
public final class AwsError implements Event {

  private final Instant time;
  private final CallIdentity identity;
  private final String operation;
  private final String code;
  private final int status;
  private final boolean throttling;
  private final String host;
  private final String library;
  private final String caller;

  /** @param code {@code null} when the response named none in the part that was read */
  public AwsError(Instant time, CallIdentity identity, String operation, String code, int status, boolean throttling,
      String host, String library, String caller) {
    this.time = time;
    this.identity = identity;
    this.operation = operation;
    this.code = code;
    this.status = status;
    this.throttling = throttling;
    this.host = host;
    this.library = library;
    this.caller = caller;
  }

  @Override
  public String type() {
    return "aws.error";
  }

  @Override
  public Instant time() {
    return time;
  }

  public CallIdentity identity() {
    return identity;
  }

  /** The operation, or {@code unknown}. */
  public String operation() {
    return operation;
  }

  /** The error code, or {@code null} when the response named none. */
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public boolean throttling() {
    return throttling;
  }

  public String host() {
    return host;
  }

  public String library() {
    return library;
  }

  /** The application frame that made the call, or {@code null}. */
  public String caller() {
    return caller;
  }

  @Override
  public String toString() {
    return "AwsError(" + identity.service() + " " + operation + ": " + status + " " + code
        + (throttling ? ", throttling" : "") + ", " + library + ")";
  }
}
