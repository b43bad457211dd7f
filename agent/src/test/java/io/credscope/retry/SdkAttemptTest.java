package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SdkAttemptTest {

  @Test
  void attemptAndMaxAsTheSdksWriteThem() {
    SdkAttempt attempt = SdkAttempt.of("3f2c9d2e-0000-4000-8000-000000000000", "attempt=2; max=3");
    assertEquals(2, attempt.attempt());
    assertEquals(3, attempt.max());
    assertFalse(attempt.last());
    assertTrue(SdkAttempt.of(null, "max=3;attempt=3").last());
    assertTrue(SdkAttempt.of(null, "ttl=20260101T000000Z; attempt=4; max=4").last());
  }

  @Test
  void anInvocationIdAloneStillMarksAnSdkRequest() {
    SdkAttempt attempt = SdkAttempt.of("3f2c9d2e-0000-4000-8000-000000000000", null);
    assertEquals(SdkAttempt.UNKNOWN, attempt.attempt());
    assertFalse(attempt.last());
  }

  @Test
  void unreadableFieldsAreUnknown() {
    SdkAttempt attempt = SdkAttempt.of(null, "attempt=two; max=");
    assertEquals(SdkAttempt.UNKNOWN, attempt.attempt());
    assertEquals(SdkAttempt.UNKNOWN, attempt.max());
  }

  @Test
  void aRequestWithoutEitherHeaderIsNotAnSdks() {
    assertNull(SdkAttempt.of(null, null));
  }

  @Test
  void sdkV1TellsItsRetriesAndLastBackoff() {
    SdkAttempt attempt = SdkAttempt.of("3f2c9d2e-0000-4000-8000-000000000000", "2/310/490");
    assertEquals("sdk-v1", attempt.retrier());
    assertEquals(3, attempt.attempt());
    assertEquals(310, attempt.lastBackoffMillis());
    assertEquals(SdkAttempt.UNKNOWN, attempt.max(), "v1 does not say how many it allows");
    assertFalse(attempt.last());
    assertEquals(1, SdkAttempt.of(null, "0/0/500").attempt());
    assertEquals(SdkAttempt.UNKNOWN, SdkAttempt.of(null, "x/0").attempt());
  }
}
