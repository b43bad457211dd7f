package io.credscope.http;

/** How one AWS call ended, as its counters tell it apart. */
public enum CallOutcome {
  SUCCESS("success"),
  CLIENT_ERROR("client-error"),
  SERVER_ERROR("server-error"),
  /** The client threw, or the call is still under way at exit: no status. */
  NO_RESPONSE("no-response");

  private final String id;

  CallOutcome(String id) {
    this.id = id;
  }

  /** The tag value in meters and the summary. */
  public String id() {
    return id;
  }

  static CallOutcome of(int status) {
    if (status < 100) {
      return NO_RESPONSE;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    return status >= 400 ? CLIENT_ERROR : SUCCESS;
  }
}
