package io.credscope.http;

import io.credscope.awserrors.AwsErrorCode;
import io.credscope.retry.Outcome;
import io.credscope.retry.Retrier;

/**
 * One thread's hooked call in progress: how deep in hooked calls the thread is, the last AWS exchange the wire hooks
 * saw within the outermost one, and, once the call is retried, its attempts. One per thread, reused by every call on
 * it, so that a call that is not for AWS allocates nothing.
 */
final class RetryScope {

  int depth;
  /** A retry decision is due, or a repeat under way: a scope left so by a failed hook is reset at the next call. */
  boolean pending;
  /** Set while credscope sends a {@code java.net.http} request again, so that its hook does not wrap it twice. */
  boolean resending;
  long startedNanos;
  /** When the wait before the retry decided last is over, on {@link System#nanoTime()}. */
  long resumeAtNanos;

  /** The AWS call site of the last exchange on the wire in this call, or {@code null} when there was none. */
  AwsCallSite site;
  String library;
  String method;
  String target;
  int status;
  /** The operation of the SDK call on whose thread the exchange was made, or {@code null}. */
  String sdkOperation;
  /**
   * Exchanges on the wire since the call, or its last retry, began: more than one when the client retried by
   * itself, as HttpClient 5 does a 503 and OkHttp a 503 with {@code Retry-After: 0}.
   */
  int exchanges;
  /** The error code of the exchange's answer, once classified; {@code null} when it named none or was no error. */
  String code;
  boolean throttling;

  /** The call's operation, kept across its attempts. */
  String operation;
  Retrier.Attempts attempts;
  CallRetries.RetriedCall retried;

  void started(long nowNanos) {
    if (pending) {
      // A hook failed between its two bridge calls: what it left behind belongs to no call.
      depth = 0;
      pending = false;
    }
    if (depth++ == 0) {
      startedNanos = nowNanos;
      site = null;
      exchanges = 0;
      operation = null;
      attempts = null;
      retried = null;
    }
  }

  void exchanged(AwsCallSite site, String library, String method, String target, int status, String sdkOperation) {
    this.site = site;
    this.sdkOperation = sdkOperation;
    this.library = library;
    this.method = method;
    this.target = target;
    this.status = status;
    this.exchanges++;
    this.code = null;
    this.throttling = false;
  }

  void classified(AwsErrorCode error) {
    code = error.code();
    throttling = error.throttling();
  }

  Outcome outcome() {
    return throttling ? Outcome.THROTTLED : Outcome.of(status, code);
  }

  /**
   * Ends the call: nothing of it stays on the thread, above all its request target, which may carry a presigned
   * URL's signature and session token.
   */
  void close() {
    depth = 0;
    pending = false;
    site = null;
    library = null;
    method = null;
    target = null;
    sdkOperation = null;
    code = null;
    operation = null;
    attempts = null;
    retried = null;
  }
}
