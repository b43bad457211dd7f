package io.credscope.reporting;

import io.credscope.config.AgentConfig;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.Finding;
import io.credscope.http.CallCount;
import io.credscope.http.HttpCallRecorder;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.recorder.Resolution;
import io.micrometer.core.instrument.Counter;
import io.credscope.http.ErrorCount;
import io.credscope.http.CallRetries;
import io.credscope.retry.ApiRetryCount;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingRegistryConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * AWS calls as Micrometer meters: {@code credscope.aws.calls}, a function counter per (service, region, source,
 * outcome) that reads the recorder's own counter; {@code credscope.aws.errors} per (service, operation, code) and
 * {@code credscope.aws.throttles} per (service, operation), likewise. The application's threads only ever increment those; the
 * registry is made, and rows are bound, on the reporter thread.
 */
final class AwsCallMeters {

  static final String CALLS = "credscope.aws.calls";
  static final String ERRORS = "credscope.aws.errors";
  static final String THROTTLES = "credscope.aws.throttles";
  static final String ATTEMPTS = "credscope.retry.attempts";
  static final String RETRIES = "credscope.retry.retries";
  static final String GAVE_UP = "credscope.retry.gave-up";
  static final String DELAY = "credscope.retry.delay";
  static final String DELAY_HISTOGRAM = "credscope.retry.delay.histogram";
  static final String BUDGET = "credscope.retry.budget";
  static final String RESOLUTIONS = "credscope.credentials.resolutions";
  static final String EXPIRY = "credscope.credentials.expiry";
  static final String FINDINGS = "credscope.findings";
  static final String IMDS_CALLS = "credscope.imds.calls";

  private final MeterRegistry registry;
  private final Set<Object> bound = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
  /** The (sdk, source) pairs whose resolution and expiry meters are registered: at most 2 x 12. */
  private final Set<String> boundSources = new java.util.HashSet<String>();
  private final List<AutoCloseable> closing = new ArrayList<AutoCloseable>();

  AwsCallMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The meters every option asks for, in one composite registry: the log's, the Prometheus endpoint's, JMX's and
   * OTLP's. Each backend's classes are named only in its own class, so that no option loads another's.
   */
  static AwsCallMeters start(AgentConfig config, Consumer<String> log) {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    AwsCallMeters meters = new AwsCallMeters(composite);
    if (config.metricsToLog()) {
      meters.add(composite, toLog(log).registry);
    }
    if (config.prometheusAddress() != null) {
      PrometheusEndpoint endpoint = PrometheusEndpoint.start(config.prometheusAddress());
      if (endpoint != null) {
        composite.add(endpoint.registry());
        meters.closing.add(endpoint);
      }
    }
    if (config.jmx()) {
      try {
        meters.add(composite, JmxMeters.start());
      } catch (RuntimeException | LinkageError e) {
        Diagnostics.error("cannot publish the meters over JMX (" + e + "); the metrics go to the other outputs");
      }
    }
    if (config.otlpUrl() != null) {
      try {
        meters.add(composite, OtlpMeters.start(config.otlpUrl(), config.otlpStepMillis()));
      } catch (RuntimeException | LinkageError e) {
        Diagnostics.error("cannot push the meters over OTLP (" + e + "); the metrics go to the other outputs");
      }
    }
    return meters;
  }

  private void add(CompositeMeterRegistry composite, final MeterRegistry backend) {
    composite.add(backend);
    closing.add(new AutoCloseable() {
      @Override
      public void close() {
        backend.close();
      }
    });
  }

  /** Publishes what the push registries have not yet, and stops the endpoint. */
  void close() {
    for (AutoCloseable backend : closing) {
      try {
        backend.close();
      } catch (Exception e) {
        Diagnostics.error("could not close a meter registry: " + e);
      }
    }
    registry.close();
  }

  /**
   * Registers, per (sdk, source) not yet registered, {@code credscope.credentials.resolutions}, the resolutions the
   * recorder counted for it, and {@code credscope.credentials.expiry}, the seconds left to the soonest expiry of its
   * session credentials not yet expired (negative, since the latest one, once all have), or NaN when none carries an
   * expiration.
   */
  void bindResolutions(final CredentialsRecorder recorder) {
    for (Resolution resolution : recorder.resolutions()) {
      final Sdk sdk = resolution.sdk();
      final CredentialSource source = resolution.source();
      if (!boundSources.add(sdk.id() + "|" + source.id())) {
        continue;
      }
      Tags tags = Tags.of("sdk", sdk.id(), "source", source.id());
      FunctionCounter.builder(RESOLUTIONS, recorder, counted -> resolutions(counted, sdk, source)).tags(tags)
          .description("credential resolutions, per SDK and credential source").register(registry);
      Gauge.builder(EXPIRY, recorder, counted -> secondsToExpiry(counted, sdk, source, System.currentTimeMillis()))
          .tags(tags).baseUnit("seconds")
          .description("seconds left until the soonest expiry of the session credentials in use").register(registry);
    }
  }

  private static double resolutions(CredentialsRecorder recorder, Sdk sdk, CredentialSource source) {
    long sum = 0;
    for (Resolution resolution : recorder.resolutions()) {
      if (resolution.sdk() == sdk && resolution.source() == source) {
        sum += resolution.count();
      }
    }
    return sum;
  }

  private static double secondsToExpiry(CredentialsRecorder recorder, Sdk sdk, CredentialSource source, long now) {
    List<Long> expiries = new ArrayList<Long>();
    for (Resolution resolution : recorder.resolutions()) {
      if (resolution.sdk() == sdk && resolution.source() == source && resolution.expiresAtMillis() != 0L) {
        expiries.add(resolution.expiresAtMillis());
      }
    }
    return secondsToExpiry(expiries, now);
  }

  /**
   * The soonest expiry still ahead: credentials rotate, so an old, expired session left in the recorder's table must
   * not pin the gauge below zero. Once every one is past, the latest, as a negative count: sessions used past their
   * expiry are worth a graph going below zero.
   */
  static double secondsToExpiry(List<Long> expiresAtMillis, long now) {
    long soonestAhead = Long.MAX_VALUE;
    long latestPast = Long.MIN_VALUE;
    for (long expires : expiresAtMillis) {
      if (expires > now) {
        soonestAhead = Math.min(soonestAhead, expires);
      } else {
        latestPast = Math.max(latestPast, expires);
      }
    }
    long expiry = soonestAhead != Long.MAX_VALUE ? soonestAhead : latestPast;
    return expiry == Long.MIN_VALUE ? Double.NaN : (expiry - now) / 1000.0;
  }

  /** Registers, once, {@code credscope.imds.calls} tagged {@code version}: reads with a token (v2), without (v1). */
  void bindImds(final HttpCallRecorder calls) {
    if (bound.add(calls)) {
      FunctionCounter.builder(IMDS_CALLS, calls, counted -> counted.imdsCounts().v2Reads()).tag("version", "v2")
          .description("instance metadata reads seen on the wire").register(registry);
      FunctionCounter.builder(IMDS_CALLS, calls, counted -> counted.imdsCounts().v1Reads()).tag("version", "v1")
          .description("instance metadata reads seen on the wire").register(registry);
    }
  }

  /** Counts a finding reported, by its id and severity. */
  void countFinding(Finding finding) {
    Counter.builder(FINDINGS).tag("id", finding.id()).tag("severity", finding.severity().id())
        .description("findings reported").register(registry).increment();
  }

  /**
   * Meters published to credscope's log every minute, and once more at {@link MeterRegistry#close()}; its
   * publishing thread is a daemon, so that it never keeps the application's JVM alive.
   */
  static AwsCallMeters toLog(final Consumer<String> log) {
    LoggingMeterRegistry registry = LoggingMeterRegistry.builder(LoggingRegistryConfig.DEFAULT)
        .threadFactory(new ThreadFactory() {
          @Override
          public Thread newThread(Runnable publishing) {
            Thread thread = new Thread(publishing, "credscope-metrics");
            thread.setDaemon(true);
            return thread;
          }
        })
        .loggingSink(log)
        .build();
    return new AwsCallMeters(registry);
  }

  /** Registers the rows not yet registered. */
  void bind(List<CallCount> rows) {
    for (CallCount row : rows) {
      if (bound.add(row)) {
        FunctionCounter.builder(CALLS, row, CallCount::count)
            .description("AWS calls seen on the wire by credscope's HTTP hooks")
            .tag("service", row.service()).tag("region", row.region()).tag("source", row.source())
            .tag("outcome", row.outcome().id())
            .register(registry);
      }
    }
  }

  /** Registers the error and throttle rows not yet registered. */
  void bindErrors(List<ErrorCount> errors, List<ErrorCount> throttles) {
    for (ErrorCount row : errors) {
      if (bound.add(row)) {
        FunctionCounter.builder(ERRORS, row, ErrorCount::count)
            .description("AWS error responses seen on the wire by credscope's HTTP hooks")
            .tag("service", row.service()).tag("operation", row.operation()).tag("code", row.code())
            .register(registry);
      }
    }
    for (ErrorCount row : throttles) {
      if (bound.add(row)) {
        FunctionCounter.builder(THROTTLES, row, ErrorCount::count)
            .description("AWS throttling responses (a throttling error code, or HTTP 429) seen on the wire")
            .tag("service", row.service()).tag("operation", row.operation())
            .register(registry);
      }
    }
  }

  /**
   * Registers, per API not yet registered: {@code credscope.retry.attempts}, {@code credscope.retry.retries} and
   * {@code credscope.retry.gave-up} tagged by retrier ({@code credscope} or {@code sdk}), the delay as the function
   * timer {@code credscope.retry.delay} and its distribution as {@code credscope.retry.delay.histogram} counters
   * tagged {@code le}; and, once, the budget's tokens left as the gauge {@code credscope.retry.budget}.
   */
  void bindRetries(List<ApiRetryCount> rows, final CallRetries retries) {
    if (bound.add(retries)) {
      Gauge.builder(BUDGET, retries, CallRetries::budgetLevel)
          .description("tokens left in credscope's process-wide retry budget; -1 with backoff off")
          .register(registry);
    }
    for (final ApiRetryCount row : rows) {
      if (!bound.add(row)) {
        continue;
      }
      Tags api = Tags.of("service", row.service(), "operation", row.operation());
      FunctionCounter.builder(ATTEMPTS, row, ApiRetryCount::attempts).tags(api)
          .description("attempts of AWS calls seen around the hooked clients' calls").register(registry);
      FunctionCounter.builder(RETRIES, row, ApiRetryCount::retries).tags(api).tag("retrier", "credscope")
          .description("retries of AWS calls").register(registry);
      FunctionCounter.builder(RETRIES, row, ApiRetryCount::sdkRetries).tags(api).tag("retrier", "sdk")
          .description("retries of AWS calls").register(registry);
      FunctionCounter.builder(GAVE_UP, row, ApiRetryCount::gaveUp).tags(api).tag("retrier", "credscope")
          .description("AWS calls whose retries ran out with the server still refusing").register(registry);
      FunctionCounter.builder(GAVE_UP, row, ApiRetryCount::sdkGaveUp).tags(api).tag("retrier", "sdk")
          .description("AWS calls whose retries ran out with the server still refusing").register(registry);
      FunctionTimer.builder(DELAY, row, ApiRetryCount::retries, ApiRetryCount::delayMillis, TimeUnit.MILLISECONDS)
          .tags(api).description("the waits before credscope's retries").register(registry);
      long[] bounds = ApiRetryCount.delayBucketBounds();
      for (int bucket = 0; bucket <= bounds.length; bucket++) {
        final int index = bucket;
        FunctionCounter.builder(DELAY_HISTOGRAM, row, counted -> counted.delayHistogram()[index]).tags(api)
            .tag("le", bucket < bounds.length ? Long.toString(bounds[bucket]) : "+Inf")
            .description("credscope's retry waits, in milliseconds, per bucket").register(registry);
      }
    }
  }

  MeterRegistry registry() {
    return registry;
  }
}
