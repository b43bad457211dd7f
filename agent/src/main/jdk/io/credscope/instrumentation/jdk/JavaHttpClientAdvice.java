package io.credscope.instrumentation.jdk;

import io.credscope.bridge.Bridge;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code jdk.internal.net.http.HttpClientImpl}'s private {@code sendAsync}, which
 * {@code send} and both public {@code sendAsync}s call: hands over the request as the application built it and
 * the future of its response. The headers' map is read directly: {@code firstValue} would allocate an
 * {@code Optional} on every request. Compiled against {@code java.net.http} at the Java 8 level, and woven only
 * into JDKs that have it.
 */
public final class JavaHttpClientAdvice {

  private JavaHttpClientAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.Argument(0) HttpRequest request, @Advice.Return Object response) {
    if (request != null && response != null) {
      URI uri = request.uri();
      Map<String, List<String>> headers = request.headers().map();
      List<String> authorization = headers.get("Authorization");
      List<String> token = headers.get("X-aws-ec2-metadata-token");
      Bridge.httpExchangeStarted("java.net.http.HttpClient", request.method(), uri.getHost(), uri.getPort(),
          uri.getRawQuery(), authorization == null || authorization.isEmpty() ? null : authorization.get(0),
          token == null || token.isEmpty() ? null : token.get(0), response);
    }
  }
}
