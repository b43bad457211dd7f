package io.credscope.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerErrorRetriesTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(nullValues = "-", value = {
      "off, GET, /bucket/key, false",
      "off, POST, -, false",
      "idempotent, GET, /bucket/key, true",
      "idempotent, get, -, true",
      "idempotent, HEAD, /bucket/key, true",
      "idempotent, OPTIONS, /, true",
      "idempotent, PUT, /bucket/key?partNumber=1&uploadId=u, true",
      "idempotent, DELETE, /bucket/key, true",
      "idempotent, POST, /2015-03-31/functions/f/invocations, false",
      "idempotent, PATCH, /restapis/abc, false",
      "idempotent, -, /, false",
      // A Query call is an action whatever its method.
      "idempotent, GET, Action=TerminateInstances&Version=2016-11-15, false",
      "idempotent, GET, /?Version=2016-11-15&Action=RunInstances, false",
      "idempotent, GET, https://ec2.us-east-1.amazonaws.com/?Action=DescribeInstances, false",
      // Only a parameter called Action counts.
      "idempotent, GET, /?prefix=Action=x&ReAction=1, true"})
  void resends(String rule, String method, String target, boolean expected) {
    assertEquals(expected, ServerErrorRetries.forId(rule).resends(method, target));
  }
}
