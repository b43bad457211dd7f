package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysShadowRoleRuleTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String MASKED = "AKIA\u2026MPLE";

  private final KeysShadowRoleRule rule = new KeysShadowRoleRule();

  private Finding only(Winner winner, Chains host) {
    List<Finding> findings = rule.evaluate(winner, host.list(), NOW);
    assertEquals(1, findings.size(), findings.toString());
    return findings.get(0);
  }

  @Test
  void environmentKeysShadowingTheInstanceRole() {
    Chains host = Chains.v2().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
        .instanceRole("demo-instance-role");
    Finding finding = only(host.winner(), host);
    assertEquals("KEYS_SHADOW_ROLE", finding.id());
    assertEquals(Finding.Severity.HIGH, finding.severity());
    assertEquals(NOW, finding.time());
    assertEquals(Sdk.V2, finding.sdk());
    assertEquals(CredentialSource.ENVIRONMENT, finding.source());
    assertEquals("EnvironmentVariableCredentialsProvider", finding.provider());
    assertEquals(KEY, finding.key().value());
    assertEquals("AWS SDK v2 takes key " + MASKED + " from the environment while instance role demo-instance-role "
        + "is available", finding.summary());
    assertEquals("unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to use instance role demo-instance-role",
        finding.remedy());
    assertEquals(Map.of("shadowed", "instance-profile", "roleSource", "instance-profile", "role", "demo-instance-role",
        "viaDefaultChain", "true"), finding.evidence());
  }

  @Test
  void theRemedyNamesTheVariablesSdkV1ActuallyRead() {
    Chains host = Chains.v1().environment(KEY, "AWS_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN")
        .instanceRole("demo-instance-role");
    assertEquals("unset AWS_ACCESS_KEY, AWS_SECRET_KEY and AWS_SESSION_TOKEN to use instance role demo-instance-role",
        only(host.winner(), host).remedy());
  }

  @Test
  void withoutTheWinnersOwnProbeTheRemedyNamesWhatTheSdkReadsFirst() {
    // The application cleared its system properties after the client was built: the probe no longer sees them.
    Chains host = Chains.v1().container();
    Winner winner = Winner.of(Sdk.V1, CredentialSource.SYSTEM_PROPERTIES, "SystemPropertiesCredentialsProvider",
        AccessKeyId.of(KEY), true);
    assertEquals("remove -Daws.accessKeyId and -Daws.secretKey to use the container role at "
        + Chains.CONTAINER_URI, only(winner, host).remedy());
  }

  @Test
  void systemPropertiesShadowingAContainerRole() {
    Chains host = Chains.v2().systemProperties(KEY, "aws.accessKeyId", "aws.secretAccessKey").container();
    Finding finding = only(host.winner(), host);
    assertEquals("AWS SDK v2 takes key " + MASKED + " from system properties while the container role at "
        + Chains.CONTAINER_URI + " is available", finding.summary());
    assertEquals("remove -Daws.accessKeyId and -Daws.secretAccessKey to use the container role at "
        + Chains.CONTAINER_URI, finding.remedy());
  }

  @Test
  void everyRoleAfterTheWinnerIsShadowedAndTheFirstIsTheOneToGet() {
    Chains host = Chains.v2().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").webIdentity()
        .instanceRole("demo-instance-role");
    Finding finding = only(host.winner(), host);
    assertEquals("web-identity, instance-profile", finding.evidence().get("shadowed"));
    assertEquals(Chains.ROLE_ARN, finding.evidence().get("role"));
    assertTrue(finding.summary().endsWith("while web-identity role " + Chains.ROLE_ARN
        + " is available (also shadowed: instance-profile)"), finding.summary());
  }

  @Test
  void otherKeysInTheWayAreInTheRemedyToo() {
    Chains host = Chains.v2().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
        .profileKeys("default", "AKIAOTHERKEY00000000", "/home/app/.aws/credentials").instanceRole("r");
    assertEquals("unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then remove the keys from profile 'default' in "
        + "/home/app/.aws/credentials, to use instance role r", only(host.winner(), host).remedy());
  }

  @Test
  void everyKindOfSourceInTheWayHasItsOwnStep() {
    Chains host = Chains.v1().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_KEY")
        .systemProperties("AKIAOTHERKEY00000000", "aws.accessKeyId", "aws.secretKey").profileRole("sso-dev")
        .instanceRole("r");
    assertEquals("unset AWS_ACCESS_KEY_ID and AWS_SECRET_KEY, then remove -Daws.accessKeyId and -Daws.secretKey, "
        + "then remove the credential settings of profile 'sso-dev' in /home/app/.aws/config (sso), to use instance "
        + "role r", only(host.winner(), host).remedy());
  }

  @Test
  void profileKeysShadowingWebIdentityWhenTheApplicationBuiltTheProvider() {
    String file = "/home/app/.aws/credentials";
    Chains host = Chains.v2().webIdentity().profileKeys("default", KEY, file);
    Winner winner = Winner.of(Sdk.V2, CredentialSource.PROFILE, "ProfileCredentialsProvider", AccessKeyId.of(KEY),
        false).withProfileKeys("default", List.of(file));
    Finding finding = only(winner, host);
    assertEquals("AWS SDK v2 takes key " + MASKED + " from profile 'default' in " + file + " while web-identity role "
        + Chains.ROLE_ARN + " is available", finding.summary());
    assertEquals("use the default chain instead of ProfileCredentialsProvider to get web-identity role "
        + Chains.ROLE_ARN, finding.remedy());
    assertEquals(file, finding.evidence().get("file"));
    assertEquals("false", finding.evidence().get("viaDefaultChain"));
  }

  @Test
  void anExplicitProviderWhoseSourceTheChainWouldStillPickFirst() {
    Chains host = Chains.v2().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").instanceRole("r");
    Winner winner = Winner.of(Sdk.V2, CredentialSource.ENVIRONMENT, "EnvironmentVariableCredentialsProvider",
        AccessKeyId.of(KEY), false);
    assertEquals("use the default chain instead of EnvironmentVariableCredentialsProvider, then unset "
        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, to get instance role r", only(winner, host).remedy());
  }

  @Test
  void staticKeysInCodeShadowEveryRole() {
    Chains host = Chains.v2().instanceRole("demo-instance-role");
    Winner winner = Winner.of(Sdk.V2, CredentialSource.STATIC, "StaticCredentialsProvider", AccessKeyId.of(KEY), false)
        .withLocation("com.example.App.client(App.java:42)");
    Finding finding = only(winner, host);
    assertEquals("AWS SDK v2 takes key " + MASKED + " from static credentials built at "
        + "com.example.App.client(App.java:42) while instance role demo-instance-role is available", finding.summary());
    assertEquals("stop building static credentials at com.example.App.client(App.java:42) and use the default chain "
        + "to get instance role demo-instance-role", finding.remedy());
    assertEquals("com.example.App.client(App.java:42)", finding.evidence().get("location"));
  }

  @Test
  void theDefaultChainNeverShadowsARoleItAsksFirst() {
    // Web identity comes before profiles in both chains: a profile that won means web identity was not there then.
    Chains host = Chains.v2().webIdentity().profileKeys("default", KEY, "/home/app/.aws/credentials");
    Winner winner = Winner.of(Sdk.V2, CredentialSource.PROFILE, "ProfileCredentialsProvider", AccessKeyId.of(KEY), true)
        .withProfileKeys("default", List.of("/home/app/.aws/credentials"));
    assertEquals(List.of(), rule.evaluate(winner, host.list(), NOW));
  }

  @Test
  void rolesAndRoleProfilesShadowNothing() {
    assertEquals(List.of(), rule.evaluate(Chains.v2().instanceRole("r").winner(),
        Chains.v2().instanceRole("r").list(), NOW));
    Chains host = Chains.v2().profileRole("sso-dev").instanceRole("r");
    assertEquals(List.of(), rule.evaluate(host.winner(), host.list(), NOW));
  }

  @Test
  void keysWithNoRoleAroundAreFine() {
    Chains host = Chains.v2().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").imdsUnreachable();
    assertEquals(List.of(), rule.evaluate(host.winner(), host.list(), NOW));
  }

  @Test
  void anotherSdksRolesDoNotCount() {
    Chains v2 = Chains.v2().environment(KEY, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    List<SourceAvailability> host = v2.list();
    host.addAll(Chains.v1().container().list());
    assertEquals(List.of(), rule.evaluate(v2.winner(), host, NOW));
  }
}
