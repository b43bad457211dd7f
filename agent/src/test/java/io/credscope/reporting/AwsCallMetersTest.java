package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.bridge.Bridge;
import io.credscope.http.CallRetries;
import io.credscope.http.HttpCallRecorder;
import io.credscope.retry.Jitter;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryBudget;
import io.credscope.retry.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** AWS calls as Micrometer function counters, per (service, region, source, outcome). */
class AwsCallMetersTest {

  @Test
  void everyCountedRowIsAMeterThatReadsTheLiveCount() {
    HttpCallRecorder recorder = new HttpCallRecorder(key -> null, event -> { }, Clock.systemUTC(), new Properties(),
        Map.of(), new CallRetries(null, event -> { }, Clock.systemUTC()));
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/sts/aws4_request, "
        + "SignedHeaders=host, Signature=abcdef0123456789";
    recorder.exchange("okhttp", "POST", "sts.amazonaws.com", 443, null, authorization, null, 200, null);
    AwsCallMeters meters = new AwsCallMeters(new SimpleMeterRegistry());
    meters.bind(recorder.callCounts());
    recorder.exchange("okhttp", "POST", "sts.amazonaws.com", 443, null, authorization, null, 200, null);
    meters.bind(recorder.callCounts());
    assertEquals(2.0, meters.registry().get(AwsCallMeters.CALLS).tag("service", "sts").tag("region", "us-east-1")
        .tag("source", "unknown").tag("outcome", "success").functionCounter().count());
    assertEquals(1, meters.registry().getMeters().size());
  }

  /** {@code metrics=log}: closing the registry, as the end of the run does, publishes the counts to the log. */
  @Test
  void toTheLogAtTheEnd() {
    HttpCallRecorder recorder = new HttpCallRecorder(key -> null, event -> { }, Clock.systemUTC(), new Properties(),
        Map.of(), new CallRetries(null, event -> { }, Clock.systemUTC()));
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/eu-west-1/s3/aws4_request, "
        + "SignedHeaders=host, Signature=abcdef0123456789";
    recorder.exchange("okhttp", "GET", "s3.eu-west-1.amazonaws.com", 443, null, authorization, null, 200, null);
    List<String> lines = new ArrayList<>();
    AwsCallMeters meters = AwsCallMeters.toLog(lines::add);
    meters.bind(recorder.callCounts());
    meters.registry().close();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("credscope.aws.calls{outcome=success,region=eu-west-1,service=s3,"
        + "source=unknown}"), lines.get(0));
  }

  @Test
  void errorsAndThrottlesAreMetersPerServiceOperationAndCode() {
    HttpCallRecorder recorder = new HttpCallRecorder(key -> null, event -> { }, Clock.systemUTC(), new Properties(),
        Map.of(), new CallRetries(null, event -> { }, Clock.systemUTC()));
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/sts/aws4_request, "
        + "SignedHeaders=host, Signature=abcdef0123456789";
    recorder.exchange("okhttp", "POST", "sts.amazonaws.com", 443, "Action=AssumeRole", authorization, null, 400, null);
    recorder.errorResponse(null, null, "Throttling", null, 0);
    AwsCallMeters meters = new AwsCallMeters(new SimpleMeterRegistry());
    meters.bindErrors(recorder.errorCounts(), recorder.throttleCounts());
    recorder.exchange("okhttp", "POST", "sts.amazonaws.com", 443, "Action=AssumeRole", authorization, null, 400, null);
    recorder.errorResponse(null, null, "Throttling", null, 0);
    meters.bindErrors(recorder.errorCounts(), recorder.throttleCounts());
    assertEquals(2.0, meters.registry().get(AwsCallMeters.ERRORS).tag("service", "sts").tag("operation", "AssumeRole")
        .tag("code", "Throttling").functionCounter().count());
    assertEquals(2.0, meters.registry().get(AwsCallMeters.THROTTLES).tag("service", "sts")
        .tag("operation", "AssumeRole").functionCounter().count());
    assertEquals(2, meters.registry().getMeters().size());
  }

  /** Retries per API: counts by retrier, the delay as a timer and a histogram, and the budget's level. */
  @Test
  void retriesAreMetersPerApiAndRetrier() throws Exception {
    CallRetries retries = new CallRetries(new Retrier(new RetryPolicy(10, 40, 4, Jitter.FULL), RetryBudget.ofTokens(500),
        RetryPolicy.RANDOM, Clock.systemUTC()), event -> { }, Clock.systemUTC());
    HttpCallRecorder recorder = new HttpCallRecorder(key -> null, event -> { }, Clock.systemUTC(), new Properties(),
        Map.of(), retries);
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host, Signature=abcdef0123456789";
    byte[] throttled = "{\"__type\":\"ThrottlingException\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Object scope = retries.callStarted();
    for (int status : new int[] {400, 200}) {
      if (recorder.exchange("okhttp", "POST", "dynamodb.us-east-1.amazonaws.com", 443, null, authorization, null,
          status, null)) {
        recorder.errorResponse("DynamoDB_20120810.GetItem", null, null, throttled, throttled.length);
      }
      assertTrue(retries.callAnswered(scope, null));
      long delay = retries.retryDelay(scope, "DynamoDB_20120810.GetItem", null, null, null, null, null, true);
      if (delay >= 0) {
        int waited;
        do {
          waited = retries.retryWait(scope, false);
        } while (waited == Bridge.WAIT_GOES_ON);
        assertEquals(Bridge.WAIT_OVER, waited);
      }
    }
    AwsCallMeters meters = new AwsCallMeters(new SimpleMeterRegistry());
    meters.bindRetries(retries.eventfulCounts(), retries);
    meters.bindRetries(retries.eventfulCounts(), retries);
    io.micrometer.core.instrument.MeterRegistry registry = meters.registry();
    assertEquals(2.0, registry.get(AwsCallMeters.ATTEMPTS).tag("service", "dynamodb").tag("operation", "GetItem")
        .functionCounter().count());
    assertEquals(1.0, registry.get(AwsCallMeters.RETRIES).tag("retrier", "credscope").functionCounter().count());
    assertEquals(0.0, registry.get(AwsCallMeters.RETRIES).tag("retrier", "sdk").functionCounter().count());
    assertEquals(1.0, registry.get(AwsCallMeters.DELAY).functionTimer().count());
    assertEquals(1.0, registry.get(AwsCallMeters.DELAY_HISTOGRAM).tag("le", "100").functionCounter().count(),
        "a wait below 10 ms is in the first bucket");
    assertEquals(500.0, registry.get(AwsCallMeters.BUDGET).gauge().value(), "the retry's tokens paid back");
  }

  /** The soonest expiry not yet past; once all are past, the latest, as a negative count of seconds; NaN for none. */
  @Test
  void expiryIsTheSoonestAheadElseTheLatestPast() {
    assertEquals(60.0, AwsCallMeters.secondsToExpiry(List.of(1_000L, 3_661_000L, 61_000L), 1_000L));
    assertEquals(-1.5, AwsCallMeters.secondsToExpiry(List.of(500L, 2_500L), 4_000L));
    assertTrue(Double.isNaN(AwsCallMeters.secondsToExpiry(List.of(), 4_000L)));
  }
}
