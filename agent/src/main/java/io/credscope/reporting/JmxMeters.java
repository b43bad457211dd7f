package io.credscope.reporting;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;

/** The meters as MBeans of the platform MBean server, under the domain {@code credscope}. */
final class JmxMeters {

  private JmxMeters() {
  }

  static MeterRegistry start() {
    return new JmxMeterRegistry(new JmxConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String domain() {
        return "credscope";
      }
    }, Clock.SYSTEM);
  }
}
