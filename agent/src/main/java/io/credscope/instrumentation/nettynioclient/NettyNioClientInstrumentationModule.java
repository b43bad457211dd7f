package io.credscope.instrumentation.nettynioclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.instrumentation.http.HttpInstrumentationModule;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * SDK v2's {@code netty-nio-client}, which its asynchronous clients send through. Its {@code ResponseHandler} reads
 * the response to every request on the wire, each retried attempt included, on the channel's event loop, and finds
 * the request it answers on the channel; class, method and attribute have the same names from 2.17 to 2.56. Only
 * watched: the SDK retries its own calls, and no credscope seam wraps a whole call here.
 */
public final class NettyNioClientInstrumentationModule extends HttpInstrumentationModule {

  public NettyNioClientInstrumentationModule() {
    super("netty-nio-client", "software.amazon.awssdk.http.nio.netty.internal.ResponseHandler",
        "io.credscope.instrumentation.nettynioclient.NettyNioClientAdvice");
  }

  /** The typed {@code channelRead0}, which Netty's generic bridge method calls with each message. */
  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    return named("channelRead0").and(takesArguments(2))
        .and(takesArgument(0, named("io.netty.channel.ChannelHandlerContext")))
        .and(takesArgument(1, named("io.netty.handler.codec.http.HttpObject")));
  }
}
