package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import io.credscope.awserrors.AwsErrorCode;
import io.credscope.awserrors.AwsOperation;
import io.credscope.awserrors.EncodedAuthorizationMessage;
import io.credscope.credentials.AccessKeyId;
import io.credscope.events.AwsError;
import io.credscope.events.CallDenied;
import io.credscope.events.CallIdentity;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.findings.FindingType;
import io.credscope.lru.LruTable;
import io.credscope.recorder.CallPath;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The error responses of AWS calls: classified from the status, two headers and a bounded prefix of the body,
 * counted per (service, operation, code) and, when throttling, per (service, operation); the first of each kind is
 * an {@code aws.error} event, and an encoded authorization failure message is {@code ENCODED_AUTH_FAILURE}, once
 * per token. A permission denial goes to the permission rule once per (key, service, operation). Runs on the thread
 * that received the response, error responses only.
 */
final class AwsErrors {

  /** Distinct tokens remembered; beyond that, the one seen least recently is forgotten. */
  static final int MAX_TOKENS = 256;
  /** The code counted when the response named none in the part read. */
  static final String NO_CODE = "unknown";

  private final Consumer<Event> events;
  private final Clock clock;
  private final ErrorCounters counters = new ErrorCounters();
  private final LruTable<String, Token> tokens = new LruTable<String, Token>(MAX_TOKENS, null);
  /** The (key, service, operation) triples denied, each handed to the permission rule once. */
  private final LruTable<String, Token> denials = new LruTable<String, Token>(MAX_TOKENS, null);

  AwsErrors(Consumer<Event> events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param call the error's call, as the hook reported it
   * @param amzTarget the {@code X-Amz-Target} request header, or null
   * @param queryError and errorType are the response headers the classifier reads, or null
   * @param body the body's first bytes, or null; {@code whole} says whether they are all of it
   * @return the error as classified, or null when the response is none
   */
  AwsErrorCode record(ErroredCall call, String amzTarget, String queryError, String errorType, byte[] body, int length,
      boolean whole) {
    AwsErrorCode error = AwsErrorClassifier.classify(call.status, queryError, errorType, body, length);
    if (error == null) {
      return null;
    }
    AwsCallSite site = call.site;
    String operation = AwsOperation.ofAction(call.sdkOperation, amzTarget, call.queryAction);
    String code = error.code() == null ? NO_CODE : error.code();
    String caller = null;
    AwsError first = null;
    if (counters.count(site.service(), operation, code, error.throttling())) {
      caller = CallPath.callerThroughBridge(new Throwable().getStackTrace());
      first = new AwsError(clock.instant(), site.identity(), operation, error.code(), error.httpStatus(),
          error.throttling(), call.host, call.library, caller);
      events.accept(first);
    }
    if (CallDenied.isDenial(error.code())) {
      AccessKeyId key = site.identity().key();
      String denial = (key == null ? "" : key.value()) + '|' + site.service() + '|' + operation;
      if (denials.get(denial) == null && denials.putIfAbsent(denial, new Token()) == null) {
        if (first == null) {
          caller = CallPath.callerThroughBridge(new Throwable().getStackTrace());
          first = new AwsError(clock.instant(), site.identity(), operation, error.code(), error.httpStatus(),
              error.throttling(), call.host, call.library, caller);
        }
        events.accept(new CallDenied(first));
      }
    }
    String token = EncodedAuthorizationMessage.token(body, length, whole);
    if (token != null && tokens.get(token) == null && tokens.putIfAbsent(token, new Token()) == null) {
      encodedAuthFailure(call, operation, error, token,
          caller == null ? CallPath.callerThroughBridge(new Throwable().getStackTrace()) : caller);
    }
    return error;
  }

  private void encodedAuthFailure(ErroredCall call, String operation, AwsErrorCode error, String token,
      String caller) {
    AwsCallSite site = call.site;
    CallIdentity identity = site.identity();
    AccessKeyId key = identity.key();
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("service", site.service());
    evidence.put("operation", operation);
    evidence.put("code", error.code() == null ? NO_CODE : error.code());
    evidence.put("status", Integer.toString(error.httpStatus()));
    evidence.put("host", call.host);
    evidence.put("library", call.library);
    if (caller != null) {
      evidence.put("location", caller);
    }
    FindingType type = FindingType.ENCODED_AUTH_FAILURE;
    events.accept(new Finding(clock.instant(), type.id(), type.severity(), identity,
        site.service() + " denied " + (operation.equals(AwsOperation.UNKNOWN) ? "a call" : operation)
            + (key == null ? "" : " to key " + key.masked()) + " with " + evidence.get("code")
            + " and an encoded authorization failure message",
        EncodedAuthorizationMessage.decodeCommand(token), evidence));
  }

  List<ErrorCount> errorCounts() {
    return counters.errors();
  }

  List<ErrorCount> throttleCounts() {
    return counters.throttles();
  }

  /** A token reported, remembered so that it is reported once. */
  private static final class Token extends LruTable.Entry {
  }

  /**
   * An AWS call whose response is an error: what the hook said of it, waiting for the error's headers and body. It
   * may wait in a thread-local for as long as the thread lives, when the hook never hands the error over, so it
   * keeps nothing of the request target but its {@code Action}: a presigned URL's query holds its signature and
   * session token.
   */
  static final class ErroredCall {
    final AwsCallSite site;
    final String library;
    final String host;
    /** The query's {@code Action} parameter, or {@code null}. */
    final String queryAction;
    final int status;
    /** The operation of the SDK call on whose thread the request was made, or {@code null}. */
    final String sdkOperation;

    /** @param target the request target, of which only the query's {@code Action} is kept */
    ErroredCall(AwsCallSite site, String library, String host, String target, int status, String sdkOperation) {
      this.site = site;
      this.library = library;
      this.host = host;
      this.queryAction = AwsOperation.queryAction(target);
      this.status = status;
      this.sdkOperation = sdkOperation;
    }
  }
}
