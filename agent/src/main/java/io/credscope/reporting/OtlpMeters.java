package io.credscope.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** The meters pushed to an OpenTelemetry Collector over OTLP/HTTP, every step and once more at exit. */
final class OtlpMeters {

  private OtlpMeters() {
  }

  static MeterRegistry start(final String url, final long stepMillis) {
    OtlpConfig config = new OtlpConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public Duration step() {
        return Duration.ofMillis(stepMillis);
      }
    };
    return OtlpMeterRegistry.builder(config).threadFactory(new ThreadFactory() {
      @Override
      public Thread newThread(Runnable publishing) {
        Thread thread = new Thread(publishing, "credscope-otlp");
        thread.setDaemon(true);
        return thread;
      }
    }).build();
  }
}
