package io.credscope.instrumentation.jdk;

import io.credscope.bridge.Bridge;
import java.io.InputStream;
import java.net.URL;
import net.bytebuddy.asm.Advice;
import sun.net.www.MessageHeader;

/**
 * Inlined around {@code sun.net.www.protocol.http.HttpURLConnection.getInputStream0()} (JDK 9+) or
 * {@code getInputStream()} (JDK 8). Only the call that makes the exchange acts: once the connection holds a
 * response stream or a remembered failure, later calls return those, and so does the call
 * {@code getResponseCode()} makes from inside. The {@code Authorization} header is read from the user's headers
 * because {@code getRequestProperty} hides it. Compiled against the JDK's internal {@code MessageHeader}, which
 * every JDK since 8 has.
 *
 * <p>For an AWS error response ({@code httpExchange} answers {@code true}), the error's headers and body go to the
 * bridge, and the body's stream, in whichever field {@code getErrorStream()} reads it from, is replaced by the one
 * the bridge answers: the same bytes, a bounded prefix of which were read ahead to classify the error.
 *
 * <p>It is also the call hook: when the bridge says to retry a throttled AWS call, the connection lets its answer
 * and socket go, forgets the failure it remembered, and runs the method again. The request's headers stay, and so
 * does a body written whole (the JDK keeps it to resend itself); one written in streaming mode is never retried.
 * Interrupted while waiting, the call fails as an {@code InterruptedIOException}, which the connection remembers
 * as it does any other failure; disconnected while waiting, by a watchdog of the application's, it fails as a
 * disconnect would, and is not sent again.
 */
public final class HttpUrlConnectionAdvice {

  /** The response code while a retry waits, which no response has: the connection's own code is -1 until one. */
  public static final int WAITING = -2;

  private HttpUrlConnectionAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean onEnter(@Advice.FieldValue("inputStream") InputStream inputStream,
      @Advice.FieldValue("rememberedException") Exception remembered, @Advice.Local("scope") Object scope) {
    boolean exchanges = inputStream == null && remembered == null;
    if (exchanges) {
      scope = Bridge.callStarted();
    }
    return exchanges;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class,
      repeatOn = Advice.OnNonDefaultValue.class)
  public static boolean onExit(@Advice.Enter boolean exchanges, @Advice.Local("scope") Object scope,
      @Advice.This java.net.HttpURLConnection connection, @Advice.FieldValue("url") URL url,
      @Advice.FieldValue("method") String method, @Advice.FieldValue("userHeaders") MessageHeader headers,
      @Advice.FieldValue("responses") MessageHeader responses, @Advice.FieldValue(value = "responseCode", readOnly = false) int status,
      @Advice.FieldValue(value = "inputStream", readOnly = false) InputStream body,
      @Advice.FieldValue(value = "errorStream", readOnly = false) InputStream bufferedErrorBody,
      @Advice.FieldValue(value = "rememberedException", readOnly = false) Exception remembered,
      @Advice.FieldValue("poster") Object poster, @Advice.FieldValue("strOutputStream") Object streamingBody,
      @Advice.Thrown(readOnly = false) Throwable failure) {
    if (!exchanges || url == null) {
      return false;
    }
    String authorization = headers == null ? null : headers.findValue("Authorization");
    if (authorization != null && authorization.startsWith("AWS4-ECDSA")) {
      Bridge.sigV4aRegionSet(headers.findValue("X-Amz-Region-Set"));
    }
    if (Bridge.httpExchange("HttpURLConnection", method, url.getHost(), url.getPort(), url.getQuery(), authorization,
        headers == null ? null : headers.findValue("X-aws-ec2-metadata-token"), status, failure)) {
      // An AWS error: getInputStream threw, and getErrorStream will answer the buffered error body if the JDK
      // buffered one (sun.net.http.errorstream.enableBuffering), else the response stream. That stream is
      // replaced by one that gives back the prefix read ahead, then the rest.
      String amzTarget = headers == null ? null : headers.findValue("X-Amz-Target");
      String queryError = responses == null ? null : responses.findValue("x-amzn-query-error");
      String errorType = responses == null ? null : responses.findValue("X-Amzn-ErrorType");
      if (bufferedErrorBody != null) {
        bufferedErrorBody = Bridge.awsErrorResponse(amzTarget, queryError, errorType, bufferedErrorBody);
      } else {
        body = Bridge.awsErrorResponse(amzTarget, queryError, errorType, body);
      }
    }
    // An error status is thrown as an IOException too; only a call without a response failed.
    if (!Bridge.callAnswered(scope, status < 0 ? failure : null) || headers == null || responses == null) {
      return false;
    }
    String sdkRequest = headers.findValue("amz-sdk-request");
    long delay = Bridge.retryDelay(scope, headers.findValue("X-Amz-Target"), headers.findValue("X-Amz-Date"),
        headers.findValue("amz-sdk-invocation-id"), sdkRequest != null ? sdkRequest : headers.findValue("amz-sdk-retry"),
        responses.findValue("Retry-After"), responses.findValue("x-amz-retry-after"),
        // A body written in streaming mode went to the wire once; one written whole is kept, and sent again.
        streamingBody == null && (poster != null || !connection.getDoOutput()));
    if (delay < 0) {
      return false;
    }
    // As the JDK resets itself to resend a request: the answer and its connection go, the request stays.
    connection.disconnect();
    body = null;
    bufferedErrorBody = null;
    remembered = null;
    responses.reset();
    // disconnect() sets the code to -1: a watchdog's disconnect() while the call waits puts it back, and ends the
    // call as a disconnect during its exchange would.
    status = WAITING;
    int waited;
    do {
      waited = Bridge.retryWait(scope, status != WAITING);
    } while (waited == Bridge.WAIT_GOES_ON);
    status = -1;
    if (waited == Bridge.WAIT_OVER) {
      return true;
    }
    java.io.IOException ended = waited == Bridge.WAIT_CANCELLED
        ? new java.net.SocketException("Socket closed: disconnected while waiting to retry a throttled AWS call")
        : new java.io.InterruptedIOException("interrupted while waiting to retry a throttled AWS call");
    remembered = ended;
    failure = ended;
    return false;
  }
}
