package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.AwsError;
import io.credscope.events.CallDenied;
import io.credscope.events.CallIdentity;
import io.credscope.events.Finding;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MissingPermissionRuleTest {

  /** A new-generation key of account 609629065308 (see KeyAccountTest). */
  private static final AccessKeyId KEY = AccessKeyId.of("ASIAY34FZKBOKMUTVV7A");
  private static final AccessKeyId OTHER = AccessKeyId.of("AKIAIOSFODNN7EXAMPLE");

  private final MissingPermissionRule rule = new MissingPermissionRule(true);

  private static CallDenied denied(AccessKeyId key, String service, String operation, String code) {
    return new CallDenied(new AwsError(Instant.parse("2026-11-22T10:00:00Z"), new CallIdentity(key, service,
        "eu-west-1", Sdk.V2, CredentialSource.WEB_IDENTITY, "WebIdentityTokenFileCredentialsProvider"), operation,
        code, 403, false, "127.0.0.1", "apache-httpclient-4", "com.example.Orders.list(Orders.java:42)"));
  }

  @Test
  void namesTheIamActionTheIdentityAndTheCodeLocation() {
    Finding finding = rule.evaluate(denied(KEY, "s3", "ListObjectsV2", "AccessDenied"));
    assertEquals("MISSING_PERMISSION", finding.id());
    assertEquals("medium", finding.severity().id());
    assertEquals("s3:ListBucket", finding.evidence().get("action"), "the IAM name, not the operation's");
    assertEquals("true", finding.evidence().get("mapped"));
    assertEquals("ListObjectsV2", finding.evidence().get("operation"));
    assertEquals("AccessDenied", finding.evidence().get("code"));
    assertEquals("com.example.Orders.list(Orders.java:42)", finding.evidence().get("location"));
    assertEquals(KEY, finding.key());
    assertEquals(CredentialSource.WEB_IDENTITY, finding.source());
    assertTrue(finding.summary().contains("s3:ListBucket"), finding.summary());
    assertTrue(finding.summary().contains("ASIA\u2026VV7A of account 609629065308"), finding.summary());
    assertFalse(finding.summary().contains(KEY.value()), "the key is masked");
    assertTrue(finding.remedy().startsWith("grant s3:ListBucket to the identity of key ASIA\u2026VV7A"),
        finding.remedy());
  }

  @Test
  void oncePerKeyAndAction() {
    assertTrue(rule.evaluate(denied(KEY, "dynamodb", "GetItem", "AccessDeniedException")) != null);
    assertNull(rule.evaluate(denied(KEY, "dynamodb", "GetItem", "AccessDeniedException")));
    Finding other = rule.evaluate(denied(OTHER, "dynamodb", "GetItem", "AccessDeniedException"));
    assertEquals("dynamodb:GetItem", other.evidence().get("action"));
    assertFalse(other.summary().contains("account"), "an old-generation key names no account: " + other.summary());
    assertEquals("dynamodb:PutItem",
        rule.evaluate(denied(KEY, "dynamodb", "PutItem", "AccessDeniedException")).evidence().get("action"));
  }

  @Test
  void anOperationTheTableDoesNotKnowIsNamedAsItIsAndFlaggedUnmapped() {
    Finding finding = rule.evaluate(denied(KEY, "s3", "HeadObject", "AccessDenied"));
    assertEquals("s3:HeadObject", finding.evidence().get("action"));
    assertEquals("false", finding.evidence().get("mapped"));
    Finding unknown = rule.evaluate(denied(KEY, "ec2", "unknown", "UnauthorizedOperation"));
    assertEquals("ec2:*", unknown.evidence().get("action"));
  }

  @Test
  void recognisesTheThreeDenialCodesOnly() {
    assertTrue(CallDenied.isDenial("AccessDenied"));
    assertTrue(CallDenied.isDenial("AccessDeniedException"));
    assertTrue(CallDenied.isDenial("UnauthorizedOperation"));
    assertFalse(CallDenied.isDenial("ExpiredToken"));
    assertFalse(CallDenied.isDenial(null));
  }
}
