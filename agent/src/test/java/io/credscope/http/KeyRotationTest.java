package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.events.AwsCall;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.recorder.CredentialsRecorder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A year and more of hourly rotation, compressed: 100,000 session keys from one instance-profile provider, each
 * followed by the calls it signs, beside one long-term key used all along. Every call is attributed to its source,
 * and every table stays within its bound.
 */
class KeyRotationTest {

  private static final int KEYS = 100_000;
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
  private static final String STATIC_KEY = "AKIAIOSFODNN7EXAMPLE";
  /**
   * What the credentials and HTTP recorders may keep, in all, after any number of rotations: measured as the heap
   * they hold after 100,000 keys less what they held after the first 2,000 (by then every table is full). A leak of
   * one entry per key, at some 100 bytes each, would be ten times this.
   */
  private static final long RETAINED_GROWTH_BOUND_BYTES = 1024 * 1024;

  /** Keeps what the assertions need, not the events, so that the heap measured is the recorders'. */
  private static final class Tally implements java.util.function.Consumer<Event> {
    long resolved;
    long staticResolved;
    long calls;
    long unattributedCalls;

    @Override
    public void accept(Event event) {
      if (event instanceof CredentialsResolved) {
        resolved++;
        if (((CredentialsResolved) event).source() == CredentialSource.STATIC) {
          staticResolved++;
        }
      } else if (event instanceof AwsCall) {
        calls++;
        CredentialSource source = ((AwsCall) event).identity().source();
        String key = ((AwsCall) event).identity().key().value();
        CredentialSource expected = key.equals(STATIC_KEY) ? CredentialSource.STATIC : CredentialSource.INSTANCE_PROFILE;
        if (source != expected) {
          unattributedCalls++;
        }
      }
    }
  }

  private static String authorization(String key, String service) {
    return "AWS4-HMAC-SHA256 Credential=" + key + "/20261122/eu-west-1/" + service + "/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  }

  @Test
  void everyCallOfEveryRotatedKeyIsAttributedAndEveryTableStaysBounded() {
    Tally tally = new Tally();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    CredentialsRecorder credentials = new CredentialsRecorder(CredentialChainModel.ALL, tally, clock);
    HttpCallRecorder calls = new HttpCallRecorder(credentials::resolutionOf, tally, clock, new Properties(), Map.of(),
        new CallRetries(null, event -> { }, Clock.systemUTC()));
    InstanceProfileCredentialsProvider imds = InstanceProfileCredentialsProvider.create();
    StaticCredentialsProvider longTerm = StaticCredentialsProvider.create(AwsBasicCredentials.create(STATIC_KEY, SECRET));
    long heldWhenFull = 0;
    for (int i = 0; i < KEYS; i++) {
      String key = String.format("ASIA%016d", i);
      AwsSessionCredentials session = AwsSessionCredentials.create(key, SECRET, TOKEN);
      // As SDK v2 does: the provider is asked once per request, and each request is signed with what it gave.
      for (String service : new String[] {"s3", "dynamodb"}) {
        credentials.credentialsProvided(imds, session);
        calls.exchange("test-client", "GET", "127.0.0.1", 443, "/", authorization(key, service), null, 200, null);
      }
      if (i % 100 == 0) {
        credentials.credentialsProvided(longTerm, longTerm.resolveCredentials());
        calls.exchange("test-client", "GET", "127.0.0.1", 443, "/", authorization(STATIC_KEY, "sqs"), null, 200, null);
      }
      if (i == 2_000) {
        heldWhenFull = heapInUse();
      }
    }
    long growth = heapInUse() - heldWhenFull;

    assertEquals(KEYS + 1, tally.resolved, "every key is reported when first resolved");
    assertEquals(1, tally.staticResolved, "the key in use all along is reported once");
    assertEquals(2L * KEYS + 1, tally.calls, "each (key, service) is reported on its first call");
    assertEquals(0, tally.unattributedCalls, "no call lost its source");
    Map<String, Long> counted = calls.callCounts().stream()
        .collect(Collectors.toMap(row -> row.service() + "/" + row.source(), CallCount::count));
    assertEquals(Map.of("s3/instance-profile", (long) KEYS, "dynamodb/instance-profile", (long) KEYS,
        "sqs/static", (long) KEYS / 100), counted, "every call counted under its source, none as unknown");

    // The instance-profile provider's table (256 keys) and the static provider's (its one key).
    assertTrue(credentials.keysRemembered() <= 256 + 1, "keys remembered: " + credentials.keysRemembered());
    assertTrue(credentials.resolutions().size() <= 256 + 1, "resolutions listed: " + credentials.resolutions().size());
    assertTrue(calls.sitesRemembered() <= HttpCallRecorder.MAX_SITES, "call sites: " + calls.sitesRemembered());
    assertTrue(calls.callCounts().size() <= CallCounters.MAX_ROWS);
    assertEquals(2L * KEYS + KEYS / 100, credentials.resolutions().stream().mapToLong(r -> r.count()).sum()
        + credentials.unrecordedResolutions(), "the summary lists what is remembered and counts what is forgotten");
    assertTrue(growth < RETAINED_GROWTH_BOUND_BYTES, "the recorders grew by " + growth + " bytes over 98,000 keys");
    System.out.println("KeyRotationTest: heap held by the recorders grew by " + growth + " bytes from 2,000 to "
        + KEYS + " keys; keys remembered " + credentials.keysRemembered() + ", call sites " + calls.sitesRemembered());
  }

  private static long heapInUse() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // The least of a few collections: what is still reachable, without the garbage a collection may leave.
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
