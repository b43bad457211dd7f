package io.credscope.retry;

import java.util.Locale;

/**
 * Which requests answered by a server error (500, 502, 504, or a 503 without a throttling code) credscope sends
 * again. Unlike throttling, which AWS answers before it processes anything, a server error may come after the
 * request was applied: resending a {@code POST} could send a message, invoke a function or start an instance twice.
 */
public enum ServerErrorRetries {
  /** No request is sent again after a server error: the safe default. */
  OFF("off"),
  /**
   * Requests whose method HTTP defines as idempotent ({@code GET}, {@code HEAD}, {@code OPTIONS}, {@code PUT},
   * {@code DELETE}), unless the query names an {@code Action}: a Query-protocol call (EC2, STS, SQS, ...) is an
   * action whatever its method, and a {@code GET ?Action=TerminateInstances} applies as a {@code POST} would.
   */
  IDEMPOTENT("idempotent");

  private final String id;

  ServerErrorRetries(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The value of this id, or {@code null}. */
  public static ServerErrorRetries forId(String id) {
    for (ServerErrorRetries value : values()) {
      if (value.id.equals(id)) {
        return value;
      }
    }
    return null;
  }

  /**
   * @param method the request's method, as the client holds it
   * @param target what part of the request target the hook had: a query, a path with its query, or a URL; or
   *     {@code null}
   */
  public boolean resends(String method, String target) {
    if (this == OFF || method == null) {
      return false;
    }
    switch (method.toUpperCase(Locale.ROOT)) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
      case "PUT":
      case "DELETE":
        return !namesAction(target);
      default:
        return false;
    }
  }

  /** Whether a query parameter is {@code Action}: at the target's start (a bare query) or after ? or &. */
  private static boolean namesAction(String target) {
    if (target == null) {
      return false;
    }
    int from = 0;
    while (true) {
      int at = target.indexOf("Action=", from);
      if (at < 0) {
        return false;
      }
      if (at == 0 || target.charAt(at - 1) == '?' || target.charAt(at - 1) == '&') {
        return true;
      }
      from = at + 1;
    }
  }
}
