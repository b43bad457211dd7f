package io.credscope.cli;

import java.util.Locale;
import picocli.CommandLine;

/** {@code --for}: a whole number with {@code ms}, {@code s}, {@code m} or {@code h}; a bare number is seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Long> {

  static final long MAX_MILLIS = 7L * 24 * 60 * 60 * 1000;

  @Override
  public Long convert(String value) {
    long millis = millis(value);
    if (millis <= 0) {
      throw new CommandLine.TypeConversionException("bad duration '" + value + "'; give a whole number of ms, s, m "
          + "or h, as 90s, 10m or 2h (at most a week)");
    }
    return millis;
  }

  /** @return the milliseconds, or -1 when the value is not a duration up to {@link #MAX_MILLIS} */
  static long millis(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher parts = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h)?").matcher(text);
    if (!parts.matches()) {
      return -1;
    }
    long amount = Long.parseLong(parts.group(1));
    String unit = parts.group(2) == null ? "s" : parts.group(2);
    long millis = unit.equals("ms") ? amount : unit.equals("s") ? amount * 1000L
        : unit.equals("m") ? amount * 60_000L : amount * 3_600_000L;
    return millis > MAX_MILLIS ? -1 : millis;
  }
}
