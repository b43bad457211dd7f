package io.credscope.instrumentation.apachehttpclient.v5;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.net.URIAuthority;

/** Inlined at the end of httpcore5's classic {@code HttpRequestExecutor.execute}: the request as sent. */
public final class ApacheHttpClient5Advice {

  private ApacheHttpClient5Advice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Argument(0) ClassicHttpRequest request,
      @Advice.Return ClassicHttpResponse response, @Advice.Thrown Throwable failure) {
    if (request == null) {
      return;
    }
    URIAuthority authority = request.getAuthority();
    Header authorization = request.getFirstHeader("Authorization");
    Header token = request.getFirstHeader("X-aws-ec2-metadata-token");
    Bridge.httpExchange("apache-httpclient-5", request.getMethod(),
        authority == null ? null : authority.getHostName(), authority == null ? -1 : authority.getPort(),
        request.getPath(), authorization == null ? null : authorization.getValue(),
        token == null ? null : token.getValue(), response == null ? -1 : response.getCode(), failure);
  }
}
