package io.credscope.events;

import java.time.Instant;

/**
 * An AWS call answered with a permission denial ({@code AccessDenied}, {@code AccessDeniedException},
 * {@code UnauthorizedOperation}), first of its (key, service, operation): what the permission rule needs to name
 * the missing action. Internal: the sinks write the {@code aws.error} and the finding, not this.
 */
public final class CallDenied implements Event {

  /** The error codes with which AWS says the identity lacks a permission. */
  public static boolean isDenial(String code) {
    return "AccessDenied".equals(code) || "AccessDeniedException".equals(code)
        || "UnauthorizedOperation".equals(code);
  }

  private final Instant time;
  private final CallIdentity identity;
  private final String operation;
  private final String code;
  private final int status;
  private final String host;
  private final String library;
  private final String caller;

  public CallDenied(Instant time, CallIdentity identity, String operation, String code, int status, String host,
      String library, String caller) {
    this.time = time;
    this.identity = identity;
    this.operation = operation;
    this.code = code;
    this.status = status;
    this.host = host;
    this.library = library;
    this.caller = caller;
  }

  @Override
  public String type() {
    return "call.denied";
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

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String host() {
    return host;
  }

  public String library() {
    return library;
  }

  /** The first application frame, or {@code null}. */
  public String caller() {
    return caller;
  }
}
