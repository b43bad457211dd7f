package io.credscope.http;

/**
 * One {@code java.net.http} exchange with AWS in flight: where its records go and, when credscope may send its call
 * again, what its gate read of its answer before anything of the application's saw it. The gate writes that answer
 * before the exchange's future completes, and the recorder reads it after.
 */
final class JavaHttpExchange {

  final AwsCallSite site;
  final String library;
  final String host;
  final String target;
  final String sdkOperation;
  /** The call credscope may send again, or {@code null} when it only watches. */
  final CallRetries.JavaHttpCall call;
  /** Whether this is the call's first exchange, whose future the application holds until the call's last answer. */
  final boolean first;

  private volatile boolean heard;
  private String queryError;
  private String errorType;
  private byte[] bodyPrefix;
  private int length;
  private boolean whole;

  JavaHttpExchange(AwsCallSite site, String library, String host, String target, String sdkOperation,
      CallRetries.JavaHttpCall call, boolean first) {
    this.site = site;
    this.library = library;
    this.host = host;
    this.target = target;
    this.sdkOperation = sdkOperation;
    this.call = call;
    this.first = first;
  }

  /** The exchange a token of {@code Bridge.httpExchangeSending} stands for, or {@code null}. */
  static JavaHttpExchange of(Object token) {
    if (token instanceof JavaHttpExchange) {
      return (JavaHttpExchange) token;
    }
    return token instanceof JavaHttpGate ? ((JavaHttpGate) token).exchange() : null;
  }

  /**
   * The gate read the answer: its status and, for an error, its headers and first bytes.
   *
   * @return whether this answer is the call's; {@code false} when the call is sent again and this answer dropped
   */
  boolean answered(int status, String answerQueryError, String answerErrorType, String retryAfter,
      String amzRetryAfter, byte[] prefix, int prefixLength, boolean prefixWhole) {
    queryError = answerQueryError;
    errorType = answerErrorType;
    bodyPrefix = prefix;
    length = prefixLength;
    whole = prefixWhole;
    heard = true;
    try {
      return call == null || call.isFinal(status, answerQueryError, answerErrorType, retryAfter, amzRetryAfter,
          prefix, prefixLength);
    } catch (Throwable t) {
      // The gate runs in the client's own response handling: a failure of credscope's hands the answer on as it is.
      return true;
    }
  }

  /** Whether the gate read the answer, so that {@link #error} holds it. */
  boolean heard() {
    return heard;
  }

  /** The error the gate read, for the records. */
  JavaHttpResponses.Error error(String amzTarget) {
    return new JavaHttpResponses.Error(amzTarget, queryError, errorType, bodyPrefix, length, whole);
  }
}
