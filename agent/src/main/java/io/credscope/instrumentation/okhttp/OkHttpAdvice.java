package io.credscope.instrumentation.okhttp;

import io.credscope.bridge.Bridge;
import java.io.IOException;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Inlined at the end of OkHttp's {@code CallServerInterceptor.intercept}: the network request as written, and the
 * response as read. The URL is handed over whole, as OkHttp keeps it: its encoded query would be cut out anew. For
 * an AWS error response, {@code peekBody} reads a bounded prefix of the body without consuming it.
 */
public final class OkHttpAdvice {

  private OkHttpAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Argument(0) Interceptor.Chain chain, @Advice.Return Response response,
      @Advice.Thrown Throwable failure) throws IOException {
    Request request = response != null ? response.request() : chain == null ? null : chain.request();
    if (request == null) {
      return;
    }
    HttpUrl url = request.url();
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.startsWith("AWS4-ECDSA")) {
      Bridge.sigV4aRegionSet(request.header("X-Amz-Region-Set"));
    }
    if (Bridge.httpExchange("okhttp", request.method(), url.host(), url.port(), url.toString(),
        authorization, request.header("X-aws-ec2-metadata-token"),
        response == null ? -1 : response.code(), failure)) {
      // peekBody buffers at most the limit from the network without consuming it: the body stays whole.
      byte[] prefix = response.body() == null ? null : response.peekBody(Bridge.ERROR_BODY_LIMIT).bytes();
      Bridge.awsErrorResponse(request.header("X-Amz-Target"), response.header("x-amzn-query-error"),
          response.header("X-Amzn-ErrorType"), prefix, prefix == null ? 0 : prefix.length);
    }
  }
}
