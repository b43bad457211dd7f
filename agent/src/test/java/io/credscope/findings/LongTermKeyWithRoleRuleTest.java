package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongTermKeyWithRoleRuleTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final LongTermKeyWithRoleRule rule = new LongTermKeyWithRoleRule();

  @Test
  void aLongTermKeyOnAHostWithARole() {
    Chains host = Chains.v1().environment("AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_KEY")
        .instanceRole("demo-instance-role");
    List<Finding> findings = rule.evaluate(host.winner(), host.list(), NOW);
    assertEquals(1, findings.size());
    Finding finding = findings.get(0);
    assertEquals("LONG_TERM_KEY_WITH_ROLE", finding.id());
    assertEquals(Finding.Severity.MEDIUM, finding.severity());
    assertEquals("AWS SDK v1 uses long-term key AKIA\u2026MPLE from the environment on a host that offers instance "
        + "role demo-instance-role", finding.summary());
    assertEquals("use instance role demo-instance-role instead, then deactivate long-term key AKIA\u2026MPLE in IAM",
        finding.remedy());
    assertEquals(Map.of("roleSources", "instance-profile", "role", "demo-instance-role"), finding.evidence());
  }

  @Test
  void anyRoleCountsWhereverItIsInTheChain() {
    // A process provider the application built gives an AKIA key; web identity is there too.
    Chains host = Chains.v2().webIdentity();
    Winner winner = Winner.of(Sdk.V2, CredentialSource.PROCESS, "ProcessCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), false);
    assertEquals(1, rule.evaluate(winner, host.list(), NOW).size());
  }

  @Test
  void temporaryKeysAndHostsWithoutARoleAreFine() {
    Chains temporary = Chains.v2().environment("ASIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID").instanceRole("r");
    assertEquals(List.of(), rule.evaluate(temporary.winner(), temporary.list(), NOW));
    Chains laptop = Chains.v2().environment("AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID").imdsUnreachable();
    assertEquals(List.of(), rule.evaluate(laptop.winner(), laptop.list(), NOW));
    Winner unknownKey = Winner.of(Sdk.V2, CredentialSource.CUSTOM, "VaultProvider", null, false);
    assertEquals(List.of(), rule.evaluate(unknownKey, Chains.v2().instanceRole("r").list(), NOW));
  }
}
