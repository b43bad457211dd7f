package io.credscope.instrumentation.classloader;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of a modular class loader's {@code loadClass}: a bridge class is answered from the bootstrap
 * loader, where credscope defined it, and the loader's own search is skipped. Any other name goes on as before,
 * after one string comparison. {@code Class.forName} with no loader asks the bootstrap loader directly, so it cannot
 * come back here.
 */
public final class BridgeDelegationAdvice {

  private BridgeDelegationAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
  public static Class<?> onEnter(@Advice.Argument(0) String name) throws ClassNotFoundException {
    return name != null && name.startsWith("io.credscope.bridge.") ? Class.forName(name, false, null) : null;
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.Enter Class<?> bridge, @Advice.Return(readOnly = false) Class<?> loaded) {
    if (bridge != null) {
      loaded = bridge;
    }
  }
}
