package io.credscope.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class AccessKeyIdTest {

  @Test
  void masksAllButTheFirstAndLastFour() {
    AccessKeyId key = AccessKeyId.of("AKIAIOSFODNN7EXAMPLE");
    assertEquals("AKIA\u2026MPLE", key.masked());
    assertEquals("AKIA\u2026MPLE", key.toString());
    assertEquals("AKIA\u2026MPLE", key.display(true));
    assertEquals("AKIAIOSFODNN7EXAMPLE", key.display(false));
  }

  @Test
  void shortKeysShowLessRatherThanEverything() {
    assertEquals("ANOT\u2026", AccessKeyId.of("ANOTREAL").masked());
    assertEquals("AB\u2026", AccessKeyId.of("ABCDE").masked());
    assertFalse(AccessKeyId.of("AKIDEXAMPLE").masked().contains("AKIDEXAMPLE"));
  }

  @Test
  void prefixTellsTheKeyType() {
    assertEquals(KeyType.LONG_TERM, AccessKeyId.of("AKIAIOSFODNN7EXAMPLE").type());
    assertEquals(KeyType.TEMPORARY, AccessKeyId.of("ASIAIOSFODNN7EXAMPLE").type());
    assertEquals(KeyType.UNKNOWN, AccessKeyId.of("AKIDEXAMPLE").type());
    assertEquals("long-term", KeyType.LONG_TERM.id());
  }
}
