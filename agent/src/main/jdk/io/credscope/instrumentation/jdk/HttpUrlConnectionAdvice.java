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
 */
public final class HttpUrlConnectionAdvice {

  private HttpUrlConnectionAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean onEnter(@Advice.FieldValue("inputStream") InputStream inputStream,
      @Advice.FieldValue("rememberedException") Exception remembered) {
    return inputStream == null && remembered == null;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Enter boolean exchanges, @Advice.FieldValue("url") URL url,
      @Advice.FieldValue("method") String method, @Advice.FieldValue("userHeaders") MessageHeader headers,
      @Advice.FieldValue("responses") MessageHeader responses, @Advice.FieldValue("responseCode") int status,
      @Advice.FieldValue(value = "inputStream", readOnly = false) InputStream body,
      @Advice.FieldValue(value = "errorStream", readOnly = false) InputStream bufferedErrorBody,
      @Advice.Thrown Throwable failure) {
    if (exchanges && url != null && Bridge.httpExchange("HttpURLConnection", method, url.getHost(), url.getPort(),
        url.getQuery(), headers == null ? null : headers.findValue("Authorization"),
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
  }
}
