package io.credscope.instrumentation.apachehttpclient.v4;

import io.credscope.bridge.Bridge;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.RequestLine;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.BasicHttpEntity;
import org.apache.http.protocol.HttpContext;

/**
 * Inlined at the end of {@code org.apache.http.protocol.HttpRequestExecutor.execute}. Reads without allocating:
 * the client's request wrapper answers its method and URI from fields (its request line is built anew on every
 * call, so it is asked only of other requests), and the target host is in the context.
 *
 * <p>For an AWS error response the entity has been received but not read: its stream goes to the bridge, which
 * reads a bounded prefix ahead and answers a stream that replays it; the entity the connection made (a
 * {@code BasicHttpEntity}) gets that stream in place of its own, and any other entity is replaced by a
 * {@code BasicHttpEntity} with the same type, encoding, length and chunking. The application reads the same bytes.
 */
public final class ApacheHttpClient4Advice {

  private ApacheHttpClient4Advice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Argument(0) HttpRequest request, @Advice.Argument(2) HttpContext context,
      @Advice.Return HttpResponse response, @Advice.Thrown Throwable failure) throws IOException {
    if (request == null) {
      return;
    }
    String method;
    String target;
    if (request instanceof HttpUriRequest) {
      method = ((HttpUriRequest) request).getMethod();
      URI uri = ((HttpUriRequest) request).getURI();
      target = uri == null ? null : uri.getRawQuery();
    } else {
      RequestLine line = request.getRequestLine();
      method = line.getMethod();
      target = line.getUri();
    }
    Object host = context == null ? null : context.getAttribute("http.target_host");
    Header authorization = request.getFirstHeader("Authorization");
    if (authorization != null && authorization.getValue() != null
        && authorization.getValue().startsWith("AWS4-ECDSA")) {
      Header regionSet = request.getFirstHeader("X-Amz-Region-Set");
      Bridge.sigV4aRegionSet(regionSet == null ? null : regionSet.getValue());
    }
    Header token = request.getFirstHeader("X-aws-ec2-metadata-token");
    if (Bridge.httpExchange("apache-httpclient-4", method,
        host instanceof HttpHost ? ((HttpHost) host).getHostName() : null,
        host instanceof HttpHost ? ((HttpHost) host).getPort() : -1, target,
        authorization == null ? null : authorization.getValue(), token == null ? null : token.getValue(),
        response == null || response.getStatusLine() == null ? -1 : response.getStatusLine().getStatusCode(),
        failure)) {
      Header amzTarget = request.getFirstHeader("X-Amz-Target");
      Header queryError = response.getFirstHeader("x-amzn-query-error");
      Header errorType = response.getFirstHeader("X-Amzn-ErrorType");
      HttpEntity entity = response.getEntity();
      InputStream body = entity == null ? null : entity.getContent();
      InputStream replay = Bridge.awsErrorResponse(amzTarget == null ? null : amzTarget.getValue(),
          queryError == null ? null : queryError.getValue(), errorType == null ? null : errorType.getValue(), body);
      if (replay != body) {
        if (entity instanceof BasicHttpEntity) {
          // What the connection made: type, encoding, length and chunking stay as they are.
          ((BasicHttpEntity) entity).setContent(replay);
        } else {
          BasicHttpEntity replayed = new BasicHttpEntity();
          replayed.setContent(replay);
          replayed.setContentLength(entity.getContentLength());
          replayed.setChunked(entity.isChunked());
          replayed.setContentType(entity.getContentType());
          replayed.setContentEncoding(entity.getContentEncoding());
          response.setEntity(replayed);
        }
      }
    }
  }
}
