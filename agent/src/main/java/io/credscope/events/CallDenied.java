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

  private final AwsError error;

  public CallDenied(AwsError error) {
    this.error = error;
  }

  @Override
  public String type() {
    return "call.denied";
  }

  @Override
  public Instant time() {
    return error.time();
  }

  /** The denial as an error: its identity, operation, code, status, host, library and caller. */
  public AwsError error() {
    return error;
  }
}
