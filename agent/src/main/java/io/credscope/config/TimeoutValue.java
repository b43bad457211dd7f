package io.credscope.config;

/**
 * A timeout as users write it: {@code 1000} (milliseconds), {@code 500ms} or {@code 1s}. Whole numbers only, from
 * 1 ms to 60 s: a probe that waits longer than a minute is no longer short.
 */
public final class TimeoutValue {

  public static final long MAX_MILLIS = 60_000;

  private TimeoutValue() {
  }

  /** The milliseconds written, or -1 when the text is not a timeout in range. */
  public static long millis(String text) {
    if (text == null) {
      return -1;
    }
    String value = text.trim();
    long unit = 1;
    if (value.endsWith("ms")) {
      value = value.substring(0, value.length() - 2);
    } else if (value.endsWith("s")) {
      value = value.substring(0, value.length() - 1);
      unit = 1000;
    }
    if (value.isEmpty() || value.length() > 5) {
      return -1;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return -1;
      }
    }
    long millis = Long.parseLong(value) * unit;
    return millis >= 1 && millis <= MAX_MILLIS ? millis : -1;
  }
}
