package io.credscope.cli;

import io.credscope.config.Option;
import io.credscope.config.TimeoutValue;

/** {@code doctor [--json] [--timeout=MS] [--no-mask]}, read. */
final class DoctorOptions {

  final boolean json;
  final boolean mask;
  final int timeoutMillis;

  private DoctorOptions(boolean json, boolean mask, int timeoutMillis) {
    this.json = json;
    this.mask = mask;
    this.timeoutMillis = timeoutMillis;
  }

  /** @throws IllegalArgumentException with a message for the user, on any argument it does not know */
  static DoctorOptions parse(String[] arguments) {
    boolean json = false;
    boolean mask = true;
    long timeout = TimeoutValue.millis(Option.PROBE_TIMEOUT.defaultValue());
    for (String argument : arguments) {
      if (argument.equals("--json")) {
        json = true;
      } else if (argument.equals("--no-mask")) {
        mask = false;
      } else if (argument.startsWith("--timeout=")) {
        timeout = TimeoutValue.millis(argument.substring("--timeout=".length()));
        if (timeout < 0) {
          throw new IllegalArgumentException("doctor: bad timeout '" + argument.substring("--timeout=".length())
              + "'; give milliseconds from 1 to " + TimeoutValue.MAX_MILLIS + ", as 1000, 500ms or 1s");
        }
      } else {
        throw new IllegalArgumentException("doctor: unknown argument '" + argument + "'; try doctor --help");
      }
    }
    return new DoctorOptions(json, mask, (int) timeout);
  }
}
