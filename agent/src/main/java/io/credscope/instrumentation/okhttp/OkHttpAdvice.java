package io.credscope.instrumentation.okhttp;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Inlined at the end of OkHttp's {@code CallServerInterceptor.intercept}: the network request as written, and the
 * response as read. The URL is handed over whole, as OkHttp keeps it: its encoded query would be cut out anew.
 */
public final class OkHttpAdvice {

  private OkHttpAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Argument(0) Interceptor.Chain chain, @Advice.Return Response response,
      @Advice.Thrown Throwable failure) {
    Request request = response != null ? response.request() : chain == null ? null : chain.request();
    if (request == null) {
      return;
    }
    HttpUrl url = request.url();
    Bridge.httpExchange("okhttp", request.method(), url.host(), url.port(), url.toString(),
        request.header("Authorization"), request.header("X-aws-ec2-metadata-token"),
        response == null ? -1 : response.code(), failure);
  }
}
