package io.credscope.probe;

/** What IMDS said about the instance role: its name, or why it is not known. */
public final class ImdsAnswer {

  private final String role;
  private final String failure;
  private final String instanceProfileArn;

  private ImdsAnswer(String role, String failure, String instanceProfileArn) {
    this.role = role;
    this.failure = failure;
    this.instanceProfileArn = instanceProfileArn;
  }

  static ImdsAnswer role(String role) {
    return new ImdsAnswer(role, null, null);
  }

  /** The same role, with the instance profile's ARN from {@code iam/info}. */
  ImdsAnswer withInstanceProfileArn(String arn) {
    return new ImdsAnswer(role, failure, arn);
  }

  /** The instance profile's ARN, or {@code null} when IMDS did not give one. */
  public String instanceProfileArn() {
    return instanceProfileArn;
  }

  static ImdsAnswer failure(String failure) {
    return new ImdsAnswer(null, failure, null);
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
