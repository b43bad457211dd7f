package io.credscope.probe;

/** What IMDS said about the instance role: its name, or why it is not known. */
public final class ImdsAnswer {

  private final String role;
  private final String failure;

  private ImdsAnswer(String role, String failure) {
    this.role = role;
    this.failure = failure;
  }

  static ImdsAnswer role(String role) {
    return new ImdsAnswer(role, null);
  }

  static ImdsAnswer failure(String failure) {
    return new ImdsAnswer(null, failure);
  }

  /** The instance role's name, or {@code null} when there is none to be had. */
  public String role() {
    return role;
  }

  /** Why there is no role: "IMDS at http://169.254.169.254 did not answer within 1 s"; {@code null} with a role. */
  public String failure() {
    return failure;
  }

  @Override
  public String toString() {
    return role != null ? "ImdsAnswer(role " + role + ")" : "ImdsAnswer(" + failure + ")";
  }
}
