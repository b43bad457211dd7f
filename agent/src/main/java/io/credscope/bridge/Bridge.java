package io.credscope.bridge;

import java.io.InputStream;

/**
 * The one entry point inlined advice calls. It lives on the bootstrap class path, so advice woven
 * into SDK, application or JDK classes can always link against it, and it forwards to whichever
 * {@link Dispatcher} the agent core installed.
 */
public final class Bridge {

  /**
   * The most bytes of an error body a hook that reads the prefix itself may read: the classifier's scan limit,
   * which advice cannot name, since it is an agent class.
   */
  public static final int ERROR_BODY_LIMIT = 8 * 1024;

  private static volatile Dispatcher dispatcher = Dispatcher.NoOp.INSTANCE;

  private Bridge() {
  }

  /** Whether an agent core is installed in this JVM, so that a second start can step aside. */
  public static boolean installed() {
    return dispatcher != Dispatcher.NoOp.INSTANCE;
  }

  public static void install(Dispatcher installed) {
    dispatcher = installed == null ? Dispatcher.NoOp.INSTANCE : installed;
  }

  public static void credentialsProvided(Object provider, Object credentials) {
    dispatcher.credentialsProvided(provider, credentials);
  }

  public static void identityResolved(Object provider, Object credentials) {
    dispatcher.identityResolved(provider, credentials);
  }

  public static void executionCredentials(Object executionContext, Object credentials) {
    dispatcher.executionCredentials(executionContext, credentials);
  }

  public static void staticProviderBuilt(Object provider) {
    dispatcher.staticProviderBuilt(provider);
  }

  public static void credentialsFailed(Object provider, Throwable failure) {
    dispatcher.credentialsFailed(provider, failure);
  }

  public static void chainEntered(Object chain) {
    dispatcher.chainEntered(chain);
  }

  public static void chainExited(Object chain, Throwable failure) {
    dispatcher.chainExited(chain, failure);
  }

  /**
   * An HTTP exchange of a hooked client finished: its status is known, or it failed. Called for every request
   * of every hooked client, so the dispatcher answers a call that is neither signed for AWS nor sent to the
   * instance metadata service with a few string checks and no allocation.
   *
   * @param library which hook saw it, a constant such as {@code HttpURLConnection}
   * @param port the port of the URL, or -1 for the scheme's default
   * @param target whatever part of the request target the client holds without copying: a raw query, a
   *     path with its query, or a whole URL; {@code null} when there is none
   * @param authorization the {@code Authorization} request header, or {@code null}
   * @param imdsToken the {@code X-aws-ec2-metadata-token} request header, or {@code null}
   * @param status the response status, or -1 when there was no response
   * @param failure what the client threw, or {@code null}
   * @return whether this was an AWS call whose response is an error: then, on the same thread, the hook hands the
   *     error's headers and body to one of the {@link #awsErrorResponse} methods
   */
  public static boolean httpExchange(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, int status, Throwable failure) {
    return dispatcher.httpExchange(library, method, host, port, target, authorization, imdsToken, status, failure);
  }

  /**
   * An SDK's synchronous call starts on this thread: the requests it makes here take its operation's name where the
   * wire names none, as a Query call's form body and a REST call do not. One thread-local write per SDK call.
   *
   * @param request SDK v2's {@code ClientExecutionParams} or SDK v1's {@code Request}
   * @return what to hand to {@link #sdkOperationEnded} when the call returns or throws
   */
  public static Object sdkOperationStarted(Object request) {
    return dispatcher.sdkOperationStarted(request);
  }

  /** The SDK call {@link #sdkOperationStarted} began returned or threw: the thread is back in the call around it. */
  public static void sdkOperationEnded(Object outer) {
    dispatcher.sdkOperationEnded(outer);
  }

  /**
   * The {@code X-Amz-Region-Set} header of a SigV4a-signed request ({@code Authorization: AWS4-ECDSA-P256-SHA256
   * ...}), whose credential scope names no region: handed over just before the hook reports that request on this
   * thread, through {@link #httpExchange} or {@link #httpExchangeStarted}. Hooks call it for SigV4a requests only,
   * so that no other request pays for the header's lookup.
   */
  public static void sigV4aRegionSet(String regionSet) {
    dispatcher.sigV4aRegionSet(regionSet);
  }

  /**
   * The error response of the AWS call for which {@link #httpExchange} just returned {@code true} on this thread,
   * with the first bytes of its body already in hand (a client that can peek without consuming).
   *
   * @param amzTarget the {@code X-Amz-Target} request header, or {@code null}
   * @param queryError the {@code x-amzn-query-error} response header, or {@code null}
   * @param errorType the {@code X-Amzn-ErrorType} response header, or {@code null}
   * @param bodyPrefix at most the classifier's scan limit of the body's first bytes, or {@code null}
   * @param length how many bytes of {@code bodyPrefix} are valid
   */
  public static void awsErrorResponse(String amzTarget, String queryError, String errorType, byte[] bodyPrefix,
      int length) {
    dispatcher.awsErrorResponse(amzTarget, queryError, errorType, bodyPrefix, length);
  }

  /**
   * As the other {@code awsErrorResponse}, with the body as the stream the client is about to hand to the
   * application: a bounded prefix is read from it once, and the answer is the stream to install in its place,
   * which gives the application every byte of the body, in order, the prefix first. It is {@code body} itself
   * when nothing was read.
   */
  public static InputStream awsErrorResponse(String amzTarget, String queryError, String errorType,
      InputStream body) {
    return dispatcher.awsErrorResponse(amzTarget, queryError, errorType, body);
  }

  /**
   * An asynchronous HTTP exchange is about to be sent: as {@link #httpExchange}, before there is a status. The
   * client, request and body handler are what will send it, so that the dispatcher can send the same request again.
   *
   * @return {@code null} for a request that is neither signed for AWS nor sent to the instance metadata service;
   *     else a token to hand to {@link #httpExchangeStarted}. When the token is a body handler, the hook sends the
   *     request with it in place of {@code bodyHandler}: it holds back an answer that credscope retries, so that the
   *     application's handler sees only the call's last answer.
   */
  public static Object httpExchangeSending(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, Object client, Object request, Object bodyHandler) {
    return dispatcher.httpExchangeSending(library, method, host, port, target, authorization, imdsToken, client,
        request, bodyHandler);
  }

  /**
   * The exchange {@link #httpExchangeSending} announced was sent: {@code pendingResponse} is the client's future of
   * its response, a {@code CompletableFuture}.
   *
   * @return the future the client is to return: {@code pendingResponse} itself, or one that completes with the
   *     answer of the last attempt when the dispatcher retries a throttled call
   */
  public static Object httpExchangeStarted(Object exchange, Object pendingResponse) {
    return dispatcher.httpExchangeStarted(exchange, pendingResponse);
  }

  /**
   * A hooked client's call starts, the one method that an application call and each of an SDK's attempts pass
   * once, around every exchange on the wire that it makes. Cheap: a thread-local lookup, no allocation.
   *
   * @return the thread's retry scope, to hand back to {@link #callAnswered}; {@code null} when no agent runs
   */
  public static Object callStarted() {
    return dispatcher.callStarted();
  }

  /**
   * The call that {@link #callStarted} began returned or threw.
   *
   * @param failure what the call threw, or {@code null}
   * @return {@code true} when it answered an AWS call and this is the outermost hooked call on the thread: then the
   *     hook asks {@link #retryDelay} at once, with the request's headers; {@code false} for every other call, and
   *     for one that threw, whose scope is then closed
   */
  public static boolean callAnswered(Object scope, Throwable failure) {
    return dispatcher.callAnswered(scope, failure);
  }

  /**
   * Decides whether the AWS call just answered is sent again. An SDK's own attempts are only watched; a call with
   * a throttling answer that no SDK retries is retried under the backoff policy and the budget, as is a server error
   * where the policy allows, and only while the request's signature will still be good when it goes out.
   *
   * @param amzTarget the {@code X-Amz-Target} request header, or {@code null}
   * @param amzDate the {@code X-Amz-Date} request header, the signature's time, or {@code null}
   * @param sdkInvocationId the {@code amz-sdk-invocation-id} request header, or {@code null}
   * @param sdkRequest the {@code amz-sdk-request} request header (SDK v2), else {@code amz-sdk-retry} (SDK v1), or
   *     {@code null}
   * @param retryAfter and {@code amzRetryAfter} are the response's {@code Retry-After} and
   *     {@code x-amz-retry-after} headers, or {@code null}
   * @param replayable whether the client can send the request's body again
   * @return the milliseconds to wait before sending it again, through {@link #retryWait}; -1 when the answer is
   *     the call's, and the scope is closed
   */
  public static long retryDelay(Object scope, String amzTarget, String amzDate, String sdkInvocationId,
      String sdkRequest, String retryAfter, String amzRetryAfter, boolean replayable) {
    return dispatcher.retryDelay(scope, amzTarget, amzDate, sdkInvocationId, sdkRequest, retryAfter, amzRetryAfter,
        replayable);
  }

  /** {@link #retryWait}: the delay is over; the hook sends the call again. */
  public static final int WAIT_OVER = 0;
  /** {@link #retryWait}: part of the delay passed; the hook asks again, with whether the call was cancelled since. */
  public static final int WAIT_GOES_ON = 1;
  /**
   * {@link #retryWait}: the thread was interrupted. Its interrupt status is kept, the scope closed, and the hook ends
   * the call as an interrupted I/O.
   */
  public static final int WAIT_INTERRUPTED = 2;
  /** {@link #retryWait}: the application cancelled the call; the scope is closed and the hook ends it as cancelled. */
  public static final int WAIT_CANCELLED = 3;

  /**
   * Waits a slice of the delay {@link #retryDelay} gave, after the hook freed the answer it replaces. The hook calls
   * it while it answers {@link #WAIT_GOES_ON}, telling it each time whether the call has been cancelled, so that an
   * application's cancel, or a client's own call timeout, ends the wait within a slice.
   *
   * @param cancelled whether the application cancelled the call (a client's cancel flag, a disconnect)
   * @return {@link #WAIT_OVER}, {@link #WAIT_GOES_ON}, {@link #WAIT_INTERRUPTED} or {@link #WAIT_CANCELLED}
   */
  public static int retryWait(Object scope, boolean cancelled) {
    return dispatcher.retryWait(scope, cancelled);
  }
}
