package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.http.HttpCallRecorder;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** AWS calls as Micrometer function counters, per (service, region, source, outcome). */
class AwsCallMetersTest {

  @Test
  void everyCountedRowIsAMeterThatReadsTheLiveCount() {
    HttpCallRecorder recorder = new HttpCallRecorder(key -> null, event -> { }, Clock.systemUTC(), new Properties(),
        Map.of());
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/sts/aws4_request, "
        + "SignedHeaders=host, Signature=abcdef0123456789";
    recorder.exchange("okhttp", "POST", "sts.amazonaws.com", 443, null, authorization, null, 200, null);
    AwsCallMeters meters = new AwsCallMeters();
    meters.bind(recorder.callCounts());
    recorder.exchange("okhttp", "POST", "sts.amazonaws.com", 443, null, authorization, null, 200, null);
    meters.bind(recorder.callCounts());
    assertEquals(2.0, meters.registry().get(AwsCallMeters.CALLS).tag("service", "sts").tag("region", "us-east-1")
        .tag("source", "unknown").tag("outcome", "success").functionCounter().count());
    assertEquals(1, meters.registry().getMeters().size());
  }
}
