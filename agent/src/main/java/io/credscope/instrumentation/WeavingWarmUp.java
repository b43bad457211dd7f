package io.credscope.instrumentation;

import net.bytebuddy.asm.Advice;

/**
 * Woven once on the preparation thread and then dropped, never loaded as woven. The first weave
 * loads and initialises the parts of Byte Buddy and ASM that only weaving uses, some tens of
 * milliseconds that would otherwise fall on the application thread that loads the first hooked
 * class. Its advice reads and writes what the real advice does, fields included, so that the same
 * parts are warmed.
 */
final class WeavingWarmUp {

  private Object value;

  Object provide() {
    return value;
  }

  static final class Hooks {

    private Hooks() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean onEnter(@Advice.FieldValue("value") Object value) {
      return value == null;
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void onExit(@Advice.Enter boolean unset, @Advice.This Object self, @Advice.Return Object value,
        @Advice.FieldValue(value = "value", readOnly = false) Object field, @Advice.Thrown Throwable failure) {
      if (unset && failure == null && value == self) {
        // A field written, as the JDK connection's advice replaces an error body's stream.
        field = value;
      }
    }
  }
}
