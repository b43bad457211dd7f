package io.credscope.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class SessionExpiryTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** A clock the test moves, as time passes for an application that keeps using a session. */
  private static final class MovableClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final List<Event> events = new ArrayList<>();
  private final MovableClock clock = new MovableClock();
  private final CredentialsRecorder recorder = new CredentialsRecorder(CredentialChainModel.ALL, events::add, clock);

  private static AwsCredentialsProvider session(Instant expires) {
    return StaticCredentialsProvider.create(AwsSessionCredentials.builder().accessKeyId("ASIAIOSFODNN7EXAMPLE")
        .secretAccessKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").sessionToken("FwoGZXIvYXdzEXAMPLE")
        .expirationTime(expires).build());
  }

  private void resolve(AwsCredentialsProvider provider) {
    recorder.credentialsProvided(provider, provider.resolveCredentials());
  }

  private List<Finding> findings() {
    return events.stream().filter(Finding.class::isInstance).map(Finding.class::cast).collect(Collectors.toList());
  }

  @Test
  void alreadyExpiredAtFirstUse() {
    resolve(session(NOW.minus(Duration.ofMinutes(5))));
    assertEquals(1, findings().size());
    Finding finding = findings().get(0);
    assertEquals("SESSION_EXPIRED", finding.id());
    assertEquals(Finding.Severity.HIGH, finding.severity());
    assertEquals("2026-11-22T11:55:00Z", finding.evidence().get("expiration"));
    assertTrue(finding.summary().contains("ASIA\u2026MPLE"), finding.summary());
    assertFalse(finding.toString().contains("wJalrXUtnFEMI"), finding.toString());
  }

  @Test
  void expiresWhileInUseAndIsReportedOnce() {
    AwsCredentialsProvider provider = session(NOW.plus(Duration.ofMinutes(10)));
    resolve(provider);
    resolve(provider);
    assertTrue(findings().isEmpty(), "still valid");
    clock.now = NOW.plus(Duration.ofMinutes(11));
    resolve(provider);
    resolve(provider);
    resolve(provider);
    assertEquals(1, findings().size(), "once per expired session, not per request");
  }

  @Test
  void credentialsWithoutAnExpirationNeverExpire() {
    AwsCredentialsProvider provider =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"));
    resolve(provider);
    clock.now = NOW.plus(Duration.ofDays(400));
    resolve(provider);
    assertTrue(findings().isEmpty());
  }
}
