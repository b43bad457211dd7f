package io.credscope.instrumentation.apachehttpclient.v5;

import io.credscope.bridge.Bridge;
import java.io.IOException;
import java.io.InputStream;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.BasicHttpEntity;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Inlined at the end of httpcore5's classic {@code HttpRequestExecutor.execute}: the request as sent. For an AWS
 * error response the received entity's stream goes to the bridge, which reads a bounded prefix ahead and answers a
 * stream that replays it; httpcore5's own entity has no setter, so the response gets a {@code BasicHttpEntity} on
 * that stream with the same length, content type, encoding and chunking.
 */
public final class ApacheHttpClient5Advice {

  private ApacheHttpClient5Advice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Argument(0) ClassicHttpRequest request,
      @Advice.Return ClassicHttpResponse response, @Advice.Thrown Throwable failure) throws IOException {
    if (request == null) {
      return;
    }
    URIAuthority authority = request.getAuthority();
    Header authorization = request.getFirstHeader("Authorization");
    if (authorization != null && authorization.getValue() != null
        && authorization.getValue().startsWith("AWS4-ECDSA")) {
      Header regionSet = request.getFirstHeader("X-Amz-Region-Set");
      Bridge.sigV4aRegionSet(regionSet == null ? null : regionSet.getValue());
    }
    Header token = request.getFirstHeader("X-aws-ec2-metadata-token");
    if (Bridge.httpExchange("apache-httpclient-5", request.getMethod(),
        authority == null ? null : authority.getHostName(), authority == null ? -1 : authority.getPort(),
        request.getPath(), authorization == null ? null : authorization.getValue(),
        token == null ? null : token.getValue(), response == null ? -1 : response.getCode(), failure)) {
      Header amzTarget = request.getFirstHeader("X-Amz-Target");
      Header queryError = response.getFirstHeader("x-amzn-query-error");
      Header errorType = response.getFirstHeader("X-Amzn-ErrorType");
      HttpEntity entity = response.getEntity();
      // Everything that could throw comes before the body is read ahead: after that, the entity must be replaced.
      ContentType contentType = entity == null ? null : ContentType.parseLenient(entity.getContentType());
      InputStream body = entity == null ? null : entity.getContent();
      InputStream replay = Bridge.awsErrorResponse(amzTarget == null ? null : amzTarget.getValue(),
          queryError == null ? null : queryError.getValue(), errorType == null ? null : errorType.getValue(), body);
      if (replay != body) {
        response.setEntity(new BasicHttpEntity(replay, entity.getContentLength(), contentType,
            entity.getContentEncoding(), entity.isChunked()));
      }
    }
  }
}
