package io.credscope.findings;

import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rules that judge the credentials that won against what the host offers: KEYS_SHADOW_ROLE,
 * LONG_TERM_KEY_WITH_ROLE and CREDENTIALS_FILE_READABLE. The runtime and the doctor share them, so both say the same
 * thing about the same set-up. Apart from reading the permission bits of the winner's key files, they are functions
 * of their arguments.
 */
public final class ShadowRules {

  private static final List<WinnerRule> RULES = Collections.unmodifiableList(Arrays.<WinnerRule>asList(
      new KeysShadowRoleRule(), new LongTermKeyWithRoleRule(), new CredentialsFileReadableRule()));

  private ShadowRules() {
  }

  /**
   * @param host the availabilities of the winner's SDK chain, from {@code HostProbe#probe(chain)}, including the
   *     winner's own source; entries for another SDK are ignored
   * @param now the time the findings carry
   * @return the findings, in catalogue order; empty in a clean set-up
   */
  public static List<Finding> evaluate(Winner winner, List<SourceAvailability> host, Instant now) {
    List<Finding> findings = new ArrayList<Finding>();
    for (WinnerRule rule : RULES) {
      findings.addAll(rule.evaluate(winner, host, now));
    }
    return findings;
  }
}
