package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(nullValues = "-", value = {
      "200, -, SUCCESS",
      "304, -, SUCCESS",
      "400, ThrottlingException, THROTTLED",
      "400, Throttling, THROTTLED",
      "503, RequestLimitExceeded, THROTTLED",
      "503, SlowDown, THROTTLED",
      "400, ProvisionedThroughputExceededException, THROTTLED",
      "429, -, THROTTLED",
      "500, InternalError, SERVER_ERROR",
      "502, -, SERVER_ERROR",
      "503, ServiceUnavailable, SERVER_ERROR",
      "504, -, SERVER_ERROR",
      "400, ValidationException, NOT_RETRYABLE",
      "403, AccessDenied, NOT_RETRYABLE",
      "404, -, NOT_RETRYABLE",
      "501, NotImplemented, NOT_RETRYABLE"})
  void asTheSdksDecide(int status, String code, Outcome expected) {
    assertEquals(expected, Outcome.of(status, code));
  }
}
