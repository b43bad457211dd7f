package io.credscope.instrumentation.jdk;

import io.credscope.bridge.Bridge;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code jdk.internal.net.http.HttpClientImpl}'s private {@code sendAsync}, which
 * {@code send} and both public {@code sendAsync}s call: hands over the request as the application built it, the
 * future of its response, and what the client needs to send it again, and returns the future the bridge answers:
 * the same one, or one that completes after credscope's retries of a throttled AWS call. {@code send} waits on that
 * future too, so both are retried alike. The headers' map is read directly: {@code firstValue} would allocate an
 * {@code Optional} on every request. Compiled against {@code java.net.http} at the Java 8 level, and woven only
 * into JDKs that have it.
 */
public final class JavaHttpClientAdvice {

  private JavaHttpClientAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.This Object client, @Advice.Argument(0) HttpRequest request,
      @Advice.Argument(1) Object bodyHandler, @Advice.Argument(2) Object pushPromiseHandler,
      @Advice.Return(readOnly = false, typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC)
          Object response) {
    if (request != null && response != null) {
      URI uri = request.uri();
      Map<String, List<String>> headers = request.headers().map();
      List<String> authorization = headers.get("Authorization");
      List<String> token = headers.get("X-aws-ec2-metadata-token");
      String signature = authorization == null || authorization.isEmpty() ? null : authorization.get(0);
      if (signature != null && signature.startsWith("AWS4-ECDSA")) {
        List<String> regionSet = headers.get("X-Amz-Region-Set");
        Bridge.sigV4aRegionSet(regionSet == null || regionSet.isEmpty() ? null : regionSet.get(0));
      }
      response = Bridge.httpExchangeStarted("java.net.http.HttpClient", request.method(), uri.getHost(),
          uri.getPort(), uri.getRawQuery(), signature, token == null || token.isEmpty() ? null : token.get(0),
          response, client, request, bodyHandler, pushPromiseHandler);
    }
  }
}
