package io.credscope.instrumentation;

import net.bytebuddy.asm.Advice;

/**
 * Woven once on the preparation thread and then dropped, never loaded as woven. The first weave
 * loads and initialises the parts of Byte Buddy and ASM that only weaving uses, some tens of
 * milliseconds that would otherwise fall on the application thread that loads the first hooked
 * class. Its advice reads what the real advice reads, so that the same parts are warmed.
 */
final class WeavingWarmUp {

  Object provide() {
    return this;
  }

  static final class ExitAdvice {

    private ExitAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void onExit(@Advice.This Object self, @Advice.Return Object value, @Advice.Thrown Throwable failure) {
      if (failure == null && value == self) {
        return;
      }
    }
  }
}
