package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.credscope.credentials.AccessKeyId;
import org.junit.jupiter.api.Test;

class KeyHashTest {

  /**
   * Pinned to values computed outside the JVM ({@code sha256("credscope-key:" + id)}, first 12 hex digits): a hash
   * that changed between releases, or took a salt, would no longer join one fleet's records.
   */
  @Test
  void isTheFirst12HexDigitsOfSha256OverTheDomainAndTheWholeId() {
    assertEquals("2faef55a3503", KeyHash.of(AccessKeyId.of("AKIAIOSFODNN7EXAMPLE")));
    assertEquals("aca19db1cb34", KeyHash.of(AccessKeyId.of("AKIAIOSFODNN8EXAMPLE")));
  }

  @Test
  void keysThatMaskAlikeHashApart() {
    AccessKeyId one = AccessKeyId.of("AKIAIOSFODNN7EXAMPLE");
    AccessKeyId other = AccessKeyId.of("AKIAIOSFODNN8EXAMPLE");
    assertEquals(one.masked(), other.masked());
    assertNotEquals(KeyHash.of(one), KeyHash.of(other));
  }

  @Test
  void anonymousCredentialsHaveNoHash() {
    assertNull(KeyHash.of(AccessKeyId.NONE));
  }
}
