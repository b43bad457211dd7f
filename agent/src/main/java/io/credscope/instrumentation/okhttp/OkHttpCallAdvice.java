package io.credscope.instrumentation.okhttp;

import io.credscope.bridge.Bridge;
import java.io.IOException;
import java.io.InterruptedIOException;
import net.bytebuddy.asm.Advice;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Around OkHttp's {@code RetryAndFollowUpInterceptor.intercept}: the call as the application's interceptors made
 * it, signed, below which OkHttp follows redirects and retries failed connections. When the bridge says to retry a
 * throttled AWS call, the answer is closed, which lets its exchange go as a follow-up's would, and the interceptor
 * runs again with the same chain. A one-shot or duplex body, or a cancelled call, is never retried.
 */
public final class OkHttpCallAdvice {

  private OkHttpCallAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object onEnter() {
    return Bridge.callStarted();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class,
      repeatOn = Advice.OnNonDefaultValue.class)
  public static boolean onExit(@Advice.Enter Object scope, @Advice.Argument(0) Interceptor.Chain chain,
      @Advice.Return(readOnly = false) Response response, @Advice.Thrown(readOnly = false) Throwable failure) {
    if (!Bridge.callAnswered(scope, failure) || chain == null || response == null) {
      return false;
    }
    Request request = chain.request();
    RequestBody body = request.body();
    String sdkRequest = request.header("amz-sdk-request");
    long delay = Bridge.retryDelay(scope, request.header("X-Amz-Target"), request.header("X-Amz-Date"),
        request.header("amz-sdk-invocation-id"),
        sdkRequest != null ? sdkRequest : request.header("amz-sdk-retry"), response.header("Retry-After"),
        response.header("x-amz-retry-after"),
        (body == null || !body.isOneShot() && !body.isDuplex()) && !chain.call().isCanceled());
    if (delay < 0) {
      return false;
    }
    response.close();
    // A cancel, the application's or OkHttp's own when the call timeout fires, ends the wait.
    int waited;
    do {
      waited = Bridge.retryWait(scope, chain.call().isCanceled());
    } while (waited == Bridge.WAIT_GOES_ON);
    if (waited == Bridge.WAIT_OVER) {
      return true;
    }
    response = null;
    // As OkHttp fails a cancelled call; its call timeout makes that an InterruptedIOException("timeout").
    failure = waited == Bridge.WAIT_CANCELLED ? new IOException("Canceled")
        : new InterruptedIOException("interrupted while waiting to retry a throttled AWS call");
    return false;
  }
}
