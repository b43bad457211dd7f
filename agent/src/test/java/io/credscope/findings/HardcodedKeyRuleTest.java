package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.BuildSite;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardcodedKeyRuleTest {

  private static final String STATIC_PROVIDER = "software.amazon.awssdk.auth.credentials.StaticCredentialsProvider";

  private static CredentialsResolved staticKeys(String keyId, BuildSite site) {
    return new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.STATIC, STATIC_PROVIDER,
        AccessKeyId.of(keyId), null, "com.example.Main.run(Main.java:20)", List.of(), null, null, null, site);
  }

  private static BuildSite builtIn(Class<?> type) {
    return new BuildSite(type.getName(), type.getName() + ".client(X.java:9)", type.getClassLoader());
  }

  @Test
  void aLiteralInTheBuildingClassIsCritical() {
    Finding finding = new HardcodedKeyRule(true).evaluate(
        staticKeys(ConstantPoolStringsTest.LITERAL, builtIn(ConstantPoolStringsTest.WithLiteral.class)));
    assertEquals("HARDCODED_KEY", finding.id());
    assertEquals(Finding.Severity.CRITICAL, finding.severity());
    assertEquals("proven", finding.evidence().get("literal"));
    assertEquals(ConstantPoolStringsTest.WithLiteral.class.getName(), finding.evidence().get("class"));
    assertTrue(finding.summary().contains("AKIA\u2026L001 is a string literal"), finding.summary());
    assertFalse(finding.summary().contains(ConstantPoolStringsTest.LITERAL), "masked: " + finding.summary());
  }

  @Test
  void keysReadAtRunTimeAreStaticCredentialsFromCodeNotLiterals() {
    Finding finding = new HardcodedKeyRule(true).evaluate(
        staticKeys(ConstantPoolStringsTest.LITERAL, builtIn(ConstantPoolStringsTest.WithoutLiteral.class)));
    assertEquals(Finding.Severity.HIGH, finding.severity());
    assertEquals("not proven", finding.evidence().get("literal"));
    assertTrue(finding.summary().startsWith("static credentials built in code at "), finding.summary());
  }

  @Test
  void withoutABuildSiteTheCallerIsTheLocationAndNothingIsProven() {
    Finding finding = new HardcodedKeyRule(true).evaluate(staticKeys(ConstantPoolStringsTest.LITERAL, null));
    assertEquals(Finding.Severity.HIGH, finding.severity());
    assertEquals("com.example.Main.run(Main.java:20)", finding.evidence().get("location"));
  }

  @Test
  void otherSourcesAndAnonymousCredentialsAreNoConcern() {
    assertNull(new HardcodedKeyRule(true).evaluate(new CredentialsResolved(Instant.now(), Sdk.V2,
        CredentialSource.ENVIRONMENT, "x.EnvironmentVariableCredentialsProvider", AccessKeyId.of("AKIAENVKEY0000000001"),
        null, null, List.of(), null, null, null, null)));
    assertNull(new HardcodedKeyRule(true).evaluate(new CredentialsResolved(Instant.now(), Sdk.V1,
        CredentialSource.STATIC, "com.amazonaws.auth.AWSStaticCredentialsProvider", AccessKeyId.NONE,
        null, null, List.of(), null, null, null, null)));
  }

  private static io.credscope.events.KeyAccepted accepted(String keyId) {
    return new io.credscope.events.KeyAccepted(Instant.now(), new io.credscope.events.CallIdentity(
        AccessKeyId.of(keyId), "sts", "us-east-1", Sdk.V2, CredentialSource.STATIC, STATIC_PROVIDER), 200);
  }

  @Test
  void aCallAwsAcceptsVerifiesTheKeyOnceAndNoEarlier() {
    HardcodedKeyRule rule = new HardcodedKeyRule(true);
    Finding first = rule.evaluate(
        staticKeys(ConstantPoolStringsTest.LITERAL, builtIn(ConstantPoolStringsTest.WithLiteral.class)));
    assertNull(first.evidence().get("verified"), "nothing proves the key live yet");
    Finding v1 = rule.evaluate(new CredentialsResolved(Instant.now(), Sdk.V1, CredentialSource.STATIC,
        "com.amazonaws.auth.AWSStaticCredentialsProvider", AccessKeyId.of(ConstantPoolStringsTest.LITERAL), null,
        null, List.of(), null, null, null, null));
    List<Finding> both = rule.accepted(accepted(ConstantPoolStringsTest.LITERAL));
    assertEquals(2, both.size(), "each SDK's finding for the key");
    assertEquals(v1.summary() + "; AWS accepted a call signed with it (sts in us-east-1 answered 200), so the key is "
        + "live", both.get(1).summary());
    Finding verified = both.get(0);
    assertEquals("HARDCODED_KEY", verified.id());
    assertEquals(Finding.Severity.CRITICAL, verified.severity());
    assertEquals("true", verified.evidence().get("verified"));
    assertEquals("sts in us-east-1 answered 200", verified.evidence().get("verifiedBy"));
    assertEquals("proven", verified.evidence().get("literal"));
    assertTrue(verified.summary().endsWith("so the key is live"), verified.summary());
    assertTrue(rule.accepted(accepted(ConstantPoolStringsTest.LITERAL)).isEmpty(), "verified once");
    assertTrue(rule.accepted(accepted("AKIAOTHERKEY00000001")).isEmpty(), "a key with no finding is not one");
  }

  @Test
  void aKeyAcceptedBeforeItsFindingIsVerifiedFromTheStart() {
    HardcodedKeyRule rule = new HardcodedKeyRule(true);
    assertTrue(rule.accepted(accepted(ConstantPoolStringsTest.LITERAL)).isEmpty());
    Finding finding = rule.evaluate(staticKeys(ConstantPoolStringsTest.LITERAL, null));
    assertEquals("true", finding.evidence().get("verified"));
  }
}
