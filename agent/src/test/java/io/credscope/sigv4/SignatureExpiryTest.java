package io.credscope.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureExpiryTest {

  private static final long SIGNED = Instant.parse("2026-12-08T10:15:30Z").toEpochMilli();
  private static final long SENT = SIGNED + 42_000;

  @Test
  void aHeaderSignatureIsGoodForFiveMinutesAfterItsDate() {
    assertEquals(SIGNED + 300_000, SignatureExpiry.expiresAtMillis("20261208T101530Z", "/", SENT));
  }

  @Test
  void aPresignedUrlIsGoodForItsExpiresAfterItsDate() {
    String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261208%2Fus-east-1%2F"
        + "s3%2Faws4_request&X-Amz-Date=20261208T101530Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    assertEquals(SIGNED + 60_000, SignatureExpiry.expiresAtMillis(null, "/bucket/key?" + query, SENT));
    assertEquals(SIGNED + 60_000, SignatureExpiry.expiresAtMillis(null, query, SENT));
  }

  @Test
  void withoutAReadableDateTheFirstSendIsTheLatestItWasSigned() {
    assertEquals(SENT + 300_000, SignatureExpiry.expiresAtMillis(null, null, SENT));
    assertEquals(SENT + 300_000, SignatureExpiry.expiresAtMillis("2026-12-08T10:15:30Z", "/", SENT));
    assertEquals(SENT + 300_000, SignatureExpiry.expiresAtMillis("20261308T101530Z", "/", SENT));
    assertEquals(SENT + 300_000, SignatureExpiry.expiresAtMillis("20260230T101530Z", "/", SENT));
    assertEquals(SENT + 300_000, SignatureExpiry.expiresAtMillis("2026120xT101530Z", "/", SENT));
  }
}
