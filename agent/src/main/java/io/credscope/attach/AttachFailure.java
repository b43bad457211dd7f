package io.credscope.attach;

/** Why the CLI could not do what it was asked in another JVM: one line for the user, and its own exit code. */
public final class AttachFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Each cause, with the exit code the CLI ends with; the README lists them. */
  public enum Cause {
    NOT_ACTIVE(4),
    ALREADY_ATTACHED(5),
    OTHER_VERSION(6),
    NO_SUCH_PROCESS(7),
    NOT_A_JVM(8),
    OTHER_USER(9),
    ATTACH_DISABLED(10),
    NO_ATTACH_API(11),
    FAILED(12);

    private final int exitCode;

    Cause(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Cause cause;

  public AttachFailure(Cause cause, String message) {
    super(message);
    this.cause = cause;
  }

  public Cause reason() {
    return cause;
  }
}
