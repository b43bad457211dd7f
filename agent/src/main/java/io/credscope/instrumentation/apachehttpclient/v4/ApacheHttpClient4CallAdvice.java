package io.credscope.instrumentation.apachehttpclient.v4;

import io.credscope.bridge.Bridge;
import java.io.InterruptedIOException;
import org.apache.http.client.methods.HttpUriRequest;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.util.EntityUtils;

/**
 * Around {@code doExecute} of Apache HttpClient 4's clients: the whole call, which the wire hook inside reports on.
 * When the bridge says to retry a throttled AWS call, the answer is consumed and closed, so that its connection
 * goes back to the pool before the wait, and the method runs again with the same request. A request whose entity
 * cannot be repeated is never retried. Inlined, so everything is written out here: advice can call no helper of
 * its own.
 */
public final class ApacheHttpClient4CallAdvice {

  private ApacheHttpClient4CallAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object onEnter() {
    return Bridge.callStarted();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class,
      repeatOn = Advice.OnNonDefaultValue.class)
  public static boolean onExit(@Advice.Enter Object scope, @Advice.Argument(1) HttpRequest request,
      @Advice.Return(readOnly = false) CloseableHttpResponse response,
      @Advice.Thrown(readOnly = false) Throwable failure) {
    if (!Bridge.callAnswered(scope, failure) || request == null || response == null) {
      return false;
    }
    HttpEntity body = request instanceof HttpEntityEnclosingRequest
        ? ((HttpEntityEnclosingRequest) request).getEntity() : null;
    Header amzTarget = request.getFirstHeader("X-Amz-Target");
    Header invocation = request.getFirstHeader("amz-sdk-invocation-id");
    Header sdkRequest = request.getFirstHeader("amz-sdk-request");
    if (sdkRequest == null) {
      sdkRequest = request.getFirstHeader("amz-sdk-retry");
    }
    Header retryAfter = response.getFirstHeader("Retry-After");
    Header amzRetryAfter = response.getFirstHeader("x-amz-retry-after");
    Header amzDate = request.getFirstHeader("X-Amz-Date");
    long delay = Bridge.retryDelay(scope, amzTarget == null ? null : amzTarget.getValue(),
        amzDate == null ? null : amzDate.getValue(), invocation == null ? null : invocation.getValue(),
        sdkRequest == null ? null : sdkRequest.getValue(),
        retryAfter == null ? null : retryAfter.getValue(), amzRetryAfter == null ? null : amzRetryAfter.getValue(),
        body == null || body.isRepeatable());
    if (delay < 0) {
      return false;
    }
    try {
      EntityUtils.consumeQuietly(response.getEntity());
      response.close();
    } catch (java.io.IOException closing) {
      // The connection is dropped rather than pooled: the retry makes a new one.
    }
    int waited;
    do {
      waited = Bridge.retryWait(scope, request instanceof HttpUriRequest && ((HttpUriRequest) request).isAborted());
    } while (waited == Bridge.WAIT_GOES_ON);
    if (waited == Bridge.WAIT_OVER) {
      return true;
    }
    response = null;
    failure = waited == Bridge.WAIT_CANCELLED ? new InterruptedIOException("Request aborted")
        : new InterruptedIOException("interrupted while waiting to retry a throttled AWS call");
    return false;
  }
}
