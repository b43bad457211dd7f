package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipleIdentitiesRuleTest {

  private final MultipleIdentitiesRule rule = new MultipleIdentitiesRule(true);

  private static CredentialsResolved resolved(Sdk sdk, CredentialSource source, String key, String caller) {
    return new CredentialsResolved(Instant.now(), sdk, source, "x.SomeProvider", AccessKeyId.of(key), null, caller,
        List.of(), null, null, null, null);
  }

  @Test
  void aSecondKeyIsASecondIdentity() {
    assertNull(rule.evaluate(resolved(Sdk.V2, CredentialSource.ENVIRONMENT, "AKIAFIRSTKEY00000001", "a.A.run(A.java:1)")));
    Finding finding = rule.evaluate(resolved(Sdk.V2, CredentialSource.STATIC, "AKIASECONDKEY0000002", "b.B.run(B.java:2)"));
    assertEquals("MULTIPLE_IDENTITIES", finding.id());
    assertEquals(Finding.Severity.INFO, finding.severity());
    assertEquals("2", finding.evidence().get("count"));
    String identities = finding.evidence().get("identities");
    assertTrue(identities.contains("AKIA\u20260001 used by SDK v2 environment SomeProvider at a.A.run(A.java:1)"),
        identities);
    assertTrue(identities.contains("AKIA\u20260002 used by SDK v2 static SomeProvider at b.B.run(B.java:2)"), identities);
  }

  @Test
  void theSameKeyInBothSdksIsOneIdentity() {
    assertNull(rule.evaluate(resolved(Sdk.V2, CredentialSource.ENVIRONMENT, "AKIAFIRSTKEY00000001", null)));
    assertNull(rule.evaluate(resolved(Sdk.V1, CredentialSource.ENVIRONMENT, "AKIAFIRSTKEY00000001", null)));
  }

  /** Each SDK v2 client assumes the role itself: three session keys, one identity. */
  @Test
  void sessionsFromOneSourceAreOneIdentity() {
    assertNull(rule.evaluate(resolved(Sdk.V2, CredentialSource.WEB_IDENTITY, "ASIASESSION000000001", null)));
    assertNull(rule.evaluate(resolved(Sdk.V2, CredentialSource.WEB_IDENTITY, "ASIASESSION000000002", null)));
    assertNull(rule.evaluate(resolved(Sdk.V2, CredentialSource.WEB_IDENTITY, "ASIASESSION000000003", null)));
  }

  @Test
  void eachNewIdentityRaisesItAgain() {
    rule.evaluate(resolved(Sdk.V2, CredentialSource.ENVIRONMENT, "AKIAFIRSTKEY00000001", null));
    rule.evaluate(resolved(Sdk.V2, CredentialSource.STATIC, "AKIASECONDKEY0000002", null));
    assertNull(rule.evaluate(resolved(Sdk.V1, CredentialSource.STATIC, "AKIASECONDKEY0000002", null)));
    assertEquals("3", rule.evaluate(resolved(Sdk.V2, CredentialSource.INSTANCE_PROFILE, "ASIAROLE000000000003", null))
        .evidence().get("count"));
  }

  @Test
  void anonymousCredentialsAreNoIdentity() {
    rule.evaluate(resolved(Sdk.V2, CredentialSource.ENVIRONMENT, "AKIAFIRSTKEY00000001", null));
    assertNull(rule.evaluate(new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.ANONYMOUS,
        "x.AnonymousCredentialsProvider", AccessKeyId.NONE, null, null, List.of(), null, null, null, null)));
  }
}
