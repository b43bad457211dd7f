package io.credscope.reporting;

import java.util.Locale;

/** The {@code log} option's levels, compared without starting Logback. */
public enum LogLevel {
  OFF, ERROR, WARN, INFO, DEBUG, TRACE;

  private static volatile LogLevel configured = INFO;

  /** @param name a level the configuration already validated */
  public static void configure(String name) {
    configured = valueOf(name.toUpperCase(Locale.ROOT));
  }

  public static LogLevel configured() {
    return configured;
  }

  /** Whether lines at this level are printed. */
  public boolean enabled() {
    return this != OFF && configured != OFF && ordinal() <= configured.ordinal();
  }
}
