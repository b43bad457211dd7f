package io.credscope.instrumentation.jdk;

import io.credscope.bridge.Bridge;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined around {@code jdk.internal.net.http.HttpClientImpl}'s private {@code sendAsync}, which {@code send} and
 * both public {@code sendAsync}s call. On entry it hands over the request as the application built it, and what
 * the client needs to send it again; for an AWS call credscope may retry, the bridge answers a body handler that
 * the request is sent with instead of the application's, so that an answer credscope retries never reaches the
 * application's handler. On exit it hands over the future of the response, and returns the future the bridge
 * answers: the same one, or one that completes after credscope's retries of a throttled AWS call. {@code send}
 * waits on that future too, so both are retried alike. The headers' map is read directly: {@code firstValue} would
 * allocate an {@code Optional} on every request. Compiled against {@code java.net.http} at the Java 8 level, and
 * woven only into JDKs that have it.
 */
public final class JavaHttpClientAdvice {

  private JavaHttpClientAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object onEnter(@Advice.This Object client, @Advice.Argument(0) HttpRequest request,
      @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC)
          HttpResponse.BodyHandler<?> bodyHandler) {
    if (request == null) {
      return null;
    }
    URI uri = request.uri();
    Map<String, List<String>> headers = request.headers().map();
    List<String> authorization = headers.get("Authorization");
    List<String> token = headers.get("X-aws-ec2-metadata-token");
    String signature = authorization == null || authorization.isEmpty() ? null : authorization.get(0);
    if (signature != null && signature.startsWith("AWS4-ECDSA")) {
      List<String> regionSet = headers.get("X-Amz-Region-Set");
      Bridge.sigV4aRegionSet(regionSet == null || regionSet.isEmpty() ? null : regionSet.get(0));
    }
    Object exchange = Bridge.httpExchangeSending("java.net.http.HttpClient", request.method(), uri.getHost(),
        uri.getPort(), uri.getRawQuery(), signature, token == null || token.isEmpty() ? null : token.get(0), client,
        request, bodyHandler);
    if (exchange instanceof HttpResponse.BodyHandler) {
      bodyHandler = (HttpResponse.BodyHandler<?>) exchange;
    }
    return exchange;
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.Enter Object exchange,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object response) {
    if (exchange != null && response != null) {
      response = Bridge.httpExchangeStarted(exchange, response);
    }
  }
}
