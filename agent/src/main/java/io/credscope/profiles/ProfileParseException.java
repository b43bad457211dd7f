package io.credscope.profiles;

/**
 * A profile file the SDKs would refuse to load. The message names the rule and the line, never the line's text: a
 * line of the credentials file may hold a secret key.
 */
public final class ProfileParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ProfileFileType file;
  private final int line;
  private final String reason;

  ProfileParseException(ProfileFileType file, int line, String reason) {
    super(reason + " (" + file.label() + " file, line " + line + ")");
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** Which of the two files is malformed. */
  public ProfileFileType file() {
    return file;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }

  /** The rule that was broken, worded as in the cross-SDK spec tests, e.g. {@code Expected a profile definition}. */
  public String reason() {
    return reason;
  }
}
