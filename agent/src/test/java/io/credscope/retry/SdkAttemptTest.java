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
}
