package io.credscope.awserrors;

/**
 * The operation an AWS request invokes, from what the HTTP hooks hold without reading the request body: the
 * {@code X-Amz-Target} header of the JSON protocols ({@code DynamoDB_20120810.GetItem} gives {@code GetItem}), else
 * the {@code Action} parameter of a Query or EC2 Query request's query string, else the name the SDK whose call
 * made the request gave it. Query requests usually send {@code Action} in a form body, which the hooks never read,
 * and a REST operation's name is in no header: such a request that no SDK call made has the operation
 * {@link #UNKNOWN}.
 */
public final class AwsOperation {

  /** The operation when neither the header nor the query names one. */
  public static final String UNKNOWN = "unknown";

  /** Longer names are not operation names; they would only fill the counters. */
  static final int MAX_LENGTH = 128;

  private static final String ACTION = "Action";

  private AwsOperation() {
  }

  /**
   * The wire's evidence comes first: a request made on an SDK call's thread is not always that call's own.
   *
   * @param sdkOperation the operation of the SDK call running on the request's thread, or null
   * @param amzTarget the {@code X-Amz-Target} request header, or null
   * @param target what the hook holds of the request target: a raw query, a path with its query, a whole URL, or
   *     null
   * @return the operation's name, or {@link #UNKNOWN}
   */
  public static String of(String sdkOperation, String amzTarget, String target) {
    return ofAction(sdkOperation, amzTarget, fromQuery(target));
  }

  /**
   * The {@code Action} parameter of a request target's query, or null: all that {@link #ofAction} needs of the
   * target, for a caller that must not keep the target itself (a presigned URL's query holds its signature and
   * session token).
   */
  public static String queryAction(String target) {
    return fromQuery(target);
  }

  /** As {@link #of}, with the query's {@code Action} already read by {@link #queryAction}. */
  public static String ofAction(String sdkOperation, String amzTarget, String queryAction) {
    String operation = fromTarget(amzTarget);
    if (operation == null) {
      operation = queryAction;
    }
    if (operation == null && sdkOperation != null) {
      operation = nameOrNull(sdkOperation, 0, sdkOperation.length());
    }
    return operation == null ? UNKNOWN : operation;
  }

  /** The part of {@code X-Amz-Target} after its last dot, or null. */
  static String fromTarget(String amzTarget) {
    if (amzTarget == null) {
      return null;
    }
    String trimmed = amzTarget.trim();
    return nameOrNull(trimmed, trimmed.lastIndexOf('.') + 1, trimmed.length());
  }

  /** The value of the query's {@code Action} parameter, or null. */
  static String fromQuery(String target) {
    if (target == null) {
      return null;
    }
    int start;
    int question = target.indexOf('?');
    if (question >= 0) {
      start = question + 1;
    } else if (target.startsWith("/") || target.contains("://")) {
      // A path or a URL without a query.
      return null;
    } else {
      start = 0;
    }
    int end = target.indexOf('#', start);
    if (end < 0) {
      end = target.length();
    }
    while (start < end) {
      int next = target.indexOf('&', start);
      if (next < 0 || next > end) {
        next = end;
      }
      if (next - start > ACTION.length() && target.startsWith(ACTION, start)
          && target.charAt(start + ACTION.length()) == '=') {
        return nameOrNull(target, start + ACTION.length() + 1, next);
      }
      start = next + 1;
    }
    return null;
  }

  /** {@code text[start, end)} if it is a plausible operation name (letters, digits, {@code _}), else null. */
  private static String nameOrNull(String text, int start, int end) {
    if (start >= end || end - start > MAX_LENGTH) {
      return null;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return null;
      }
    }
    return text.substring(start, end);
  }
}
