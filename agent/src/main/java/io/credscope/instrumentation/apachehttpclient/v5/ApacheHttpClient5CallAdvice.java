package io.credscope.instrumentation.apachehttpclient.v5;

import io.credscope.bridge.Bridge;
import java.io.InterruptedIOException;
import org.apache.hc.core5.concurrent.CancellableDependency;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Around {@code doExecute} of Apache HttpClient 5's classic clients: as {@code ApacheHttpClient4CallAdvice}, for
 * HttpClient 5's types.
 */
public final class ApacheHttpClient5CallAdvice {

  private ApacheHttpClient5CallAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object onEnter() {
    return Bridge.callStarted();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class,
      repeatOn = Advice.OnNonDefaultValue.class)
  public static boolean onExit(@Advice.Enter Object scope, @Advice.Argument(1) ClassicHttpRequest request,
      @Advice.Return(readOnly = false) CloseableHttpResponse response,
      @Advice.Thrown(readOnly = false) Throwable failure) {
    if (!Bridge.callAnswered(scope, failure) || request == null || response == null) {
      return false;
    }
    HttpEntity body = request.getEntity();
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
      waited = Bridge.retryWait(scope, request instanceof CancellableDependency && ((CancellableDependency) request).isCancelled());
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
