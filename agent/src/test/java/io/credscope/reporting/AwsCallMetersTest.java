package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.http.CallRetries;
import io.credscope.http.HttpCallRecorder;
import java.time.Clock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
        Map.of(),
          new CallRetries(null, event -> { }, Clock.systemUTC()));
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
        Map.of(),
          new CallRetries(null, event -> { }, Clock.systemUTC()));
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
        Map.of(),
          new CallRetries(null, event -> { }, Clock.systemUTC()));
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
}
