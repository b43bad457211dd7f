package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined at the end of SDK v1's static providers' constructors: where code builds fixed keys in. */
public final class StaticProviderConstructorAdvice {

  private StaticProviderConstructorAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.This Object provider) {
    Bridge.staticProviderBuilt(provider);
  }
}
