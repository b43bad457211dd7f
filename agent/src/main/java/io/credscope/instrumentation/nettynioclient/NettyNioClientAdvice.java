package io.credscope.instrumentation.nettynioclient;

import io.credscope.bridge.Bridge;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import net.bytebuddy.asm.Advice;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.nio.netty.internal.RequestContext;

/**
 * Inlined at the start of {@code ResponseHandler.channelRead0}, for the message that opens a response: its status
 * and headers, and the SDK's request as signed, from the channel's request context. An error's body comes later,
 * in pieces that the SDK streams to its own handler, so only the headers are classified. Each header is read
 * through {@code firstMatchingHeader}, which answers a shared empty value for a header that is not there, so a
 * request without an {@code Authorization} header costs no allocation (one that has one, an {@code Optional}).
 * The port is the connection's, which the channel keeps, because {@code SdkHttpRequest.port()} allocates on every
 * call.
 */
public final class NettyNioClientAdvice {

  /** The name of the SDK's {@code ChannelAttributeKey.REQUEST_CONTEXT_KEY}, which is package-private. */
  static final String REQUEST_CONTEXT = "aws.http.nio.netty.async.requestContext";

  private NettyNioClientAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void onEnter(@Advice.Argument(0) ChannelHandlerContext context,
      @Advice.Argument(1) HttpObject message) {
    // A 1xx, such as 100 Continue, is followed by the real answer to the same request.
    if (!(message instanceof HttpResponse) || ((HttpResponse) message).status().code() < 200) {
      return;
    }
    HttpResponse response = (HttpResponse) message;
    Channel channel = context.channel();
    RequestContext requestContext = channel.attr(AttributeKey.<RequestContext>valueOf(REQUEST_CONTEXT)).get();
    if (requestContext == null) {
      return;
    }
    SdkHttpRequest request = requestContext.executeRequest().request();
    String authorization = request.firstMatchingHeader("Authorization").orElse(null);
    if (authorization != null && authorization.startsWith("AWS4-ECDSA")) {
      Bridge.sigV4aRegionSet(request.firstMatchingHeader("X-Amz-Region-Set").orElse(null));
    }
    SocketAddress remote = channel.remoteAddress();
    if (Bridge.httpExchange("netty-nio-client", request.method().name(), request.host(),
        remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getPort() : -1, request.encodedPath(),
        authorization, request.firstMatchingHeader("X-aws-ec2-metadata-token").orElse(null),
        response.status().code(), null)) {
      HttpHeaders headers = response.headers();
      Bridge.awsErrorResponse(request.firstMatchingHeader("X-Amz-Target").orElse(null),
          headers.get("x-amzn-query-error"), headers.get("X-Amzn-ErrorType"), null, 0);
    }
  }
}
