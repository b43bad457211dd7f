package io.credscope.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyAccountTest {

  /**
   * Known (key id, account) pairs, each as published with the account {@code sts get-access-key-info} answered:
   * ASIAY34FZKBOKMUTVV7A from Aidan Steele's "AWS Access Key ID formats" and Tal Be'ery's "A short note on AWS KEY
   * ID"; AKIASP2TPHJSQH3FJXYZ from the docs of the Rust crate aws_account_id_from_key_id; ASIAVJ2E6QGR2WZILJFM from
   * the README of psanford/aws-account-id-from-key; ASIAQAAAAAAAGMKEM7X5 from LocalStack's account id extraction
   * (the all-zero account).
   */
  @ParameterizedTest
  @CsvSource({
      "ASIAY34FZKBOKMUTVV7A, 609629065308",
      "AKIASP2TPHJSQH3FJXYZ, 171436882533",
      "ASIAVJ2E6QGR2WZILJFM, 364679954851",
      "ASIAQAAAAAAAGMKEM7X5, 000000000000"})
  void decodesTheAccountOfNewGenerationIds(String keyId, String account) {
    assertEquals(account, KeyAccount.of(keyId));
  }

  /**
   * Old-generation ids (fifth character I or J) decode to a number all the same, 581039954779 for the
   * documentation's example, but it is no account: none is invented for them. Neither for other prefixes, wrong
   * lengths, or characters outside base32.
   */
  @ParameterizedTest
  @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "AKIAJ7ZAFDUSN7EXAMPL", "AIDASP2TPHJSQH3FJXYZ",
      "AKIASP2TPHJSQH3FJXY", "AKIASP2TPHJSQH3FJXYZZ", "AKIASP2TPHJSQH3FJXY1", "ASIA"})
  void readsNoAccountFromIdsThatCarryNone(String keyId) {
    assertNull(KeyAccount.of(keyId));
  }

  @org.junit.jupiter.api.Test
  void readsNoAccountFromNull() {
    assertNull(KeyAccount.of(null));
  }
}
