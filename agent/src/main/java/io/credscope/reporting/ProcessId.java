package io.credscope.reporting;

import java.lang.management.ManagementFactory;

/** This JVM's process id, found once, off the application's threads. */
public final class ProcessId {

  private ProcessId() {
  }

  public static long current() {
    try {
      // Java 9+: cheap and exact.
      Class<?> handle = Class.forName("java.lang.ProcessHandle");
      Object self = handle.getMethod("current").invoke(null);
      return (Long) handle.getMethod("pid").invoke(self);
    } catch (ReflectiveOperationException java8) {
      String name = ManagementFactory.getRuntimeMXBean().getName();
      int at = name.indexOf('@');
      try {
        return Long.parseLong(at > 0 ? name.substring(0, at) : name);
      } catch (NumberFormatException unknown) {
        return -1;
      }
    }
  }
}
