package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined at the end of SDK v2's {@code StaticCredentialsProvider.create(...)}: where code builds fixed keys in. */
public final class StaticProviderFactoryAdvice {

  private StaticProviderFactoryAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.Return Object provider) {
    if (provider != null) {
      Bridge.staticProviderBuilt(provider);
    }
  }
}
