package io.credscope.http;

import java.lang.reflect.Constructor;

/** Makes {@code GatedBodyHandler}s, found by name once, since the Java 8 code cannot name {@code java.net.http}. */
final class JavaHttpGates {

  private static final String GATE = "io.credscope.http.GatedBodyHandler";
  private static volatile Constructor<?> found;
  private static volatile boolean absent;

  private JavaHttpGates() {
  }

  /**
   * A body handler that lets {@code application}'s handler see the exchange's answer only when it is the call's.
   *
   * @return the gate, or {@code null} when this JDK has no {@code java.net.http}, so the call cannot be gated
   */
  static Object gate(Object application, JavaHttpExchange exchange) {
    Constructor<?> constructor = constructor();
    if (constructor == null || application == null) {
      return null;
    }
    try {
      return constructor.newInstance(application, exchange);
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  private static Constructor<?> constructor() {
    Constructor<?> constructor = found;
    if (constructor == null && !absent) {
      try {
        constructor = Class.forName(GATE, true, JavaHttpGates.class.getClassLoader())
            .getDeclaredConstructor(Object.class, JavaHttpExchange.class);
        constructor.setAccessible(true);
        found = constructor;
      } catch (Exception | LinkageError e) {
        absent = true;
      }
    }
    return constructor;
  }
}
