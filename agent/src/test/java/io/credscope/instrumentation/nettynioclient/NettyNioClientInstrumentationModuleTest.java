package io.credscope.instrumentation.nettynioclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.credscope.instrumentation.AdviceBinding;
import io.netty.util.AttributeKey;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/** Against the netty-nio-client on this class path: what the demo's end-to-end tests run on both SDK lines. */
class NettyNioClientInstrumentationModuleTest {

  private final NettyNioClientInstrumentationModule module = new NettyNioClientInstrumentationModule();

  /** The typed method, once: Netty's generic bridge method calls it, and hooking both would count twice. */
  @Test
  void theSeamIsTheTypedChannelRead0Only() {
    AdviceBinding binding = module.adviceBindings().get(0);
    String typeName = "software.amazon.awssdk.http.nio.netty.internal.ResponseHandler";
    assertEquals(List.of(typeName), new ArrayList<>(binding.typeNames()));
    List<String> matched = new ArrayList<>();
    TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
    for (MethodDescription method : pool.describe(typeName).resolve().getDeclaredMethods()) {
      if (binding.methods().matches(method)) {
        matched.add(method.getName() + method.getDescriptor());
      }
    }
    assertEquals(List.of("channelRead0(Lio/netty/channel/ChannelHandlerContext;Lio/netty/handler/codec/http/"
        + "HttpObject;)V"), matched);
  }

  /** The advice finds the request under the SDK's own key, which it can only name. */
  @Test
  void theAdviceNamesTheSdksRequestContextKey() throws Exception {
    Field key = Class.forName("software.amazon.awssdk.http.nio.netty.internal.ChannelAttributeKey")
        .getDeclaredField("REQUEST_CONTEXT_KEY");
    key.setAccessible(true);
    assertSame(key.get(null), AttributeKey.valueOf(NettyNioClientAdvice.REQUEST_CONTEXT));
  }
}
