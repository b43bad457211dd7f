package io.credscope.cli;

import io.credscope.config.TimeoutValue;
import picocli.CommandLine;

/** {@code doctor --timeout}: as the agent's {@code probeTimeout}. */
final class TimeoutConverter implements CommandLine.ITypeConverter<Integer> {

  @Override
  public Integer convert(String value) {
    long millis = TimeoutValue.millis(value);
    if (millis < 0) {
      throw new CommandLine.TypeConversionException("bad timeout '" + value + "'; give milliseconds from 1 to "
          + TimeoutValue.MAX_MILLIS + ", as 1000, 500ms or 1s");
    }
    return (int) millis;
  }
}
