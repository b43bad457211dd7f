package io.credscope.control;

/**
 * The command the CLI hands {@code agentmain}, after the launcher's prefix: a verb, then {@code key=value} pairs
 * joined by {@code ;}, for example {@code attach;version=0.1.0;for=60000}. The agent options follow the launcher's
 * {@code |} and never reach here.
 */
public final class AttachCommand {

  /** What {@code agentmain}'s argument starts with when the CLI sent it. */
  public static final String PREFIX = "@credscope:";

  private AttachCommand() {
  }

  /** @return the value of {@code key}, or {@code null} */
  static String value(String command, String key) {
    for (String part : command.split(";")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1);
      }
    }
    return null;
  }

  /** @return the whole number of milliseconds {@code key} gives, or 0 when it gives none */
  static long millis(String command, String key) {
    String value = value(command, key);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
