package io.credscope.reporting;

import java.nio.charset.StandardCharsets;

/**
 * Lines credscope prints before, or instead of, its logging: configuration errors at start-up must
 * not wait for (or pay for) Logback. Same prefix as every other human line, always UTF-8.
 */
public final class Diagnostics {

  private Diagnostics() {
  }

  public static void error(String message) {
    print("[credscope] ERROR " + message);
  }

  public static void warn(String message) {
    print("[credscope] WARN  " + message);
  }

  /** Printed only with {@code log=debug} or {@code log=trace}. */
  public static void debug(String message) {
    if (LogLevel.DEBUG.enabled()) {
      print("[credscope] DEBUG " + message);
    }
  }

  private static void print(String line) {
    byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    System.err.write(bytes, 0, bytes.length);
    System.err.flush();
  }
}
