package io.credscope.findings;

import io.credscope.credentials.KeyType;
import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LONG_TERM_KEY_WITH_ROLE: an IAM user's key ({@code AKIA…}) is in use on a host that offers a role, whatever the
 * order: a key that never expires is a liability where temporary credentials are there to be had.
 */
final class LongTermKeyWithRoleRule implements WinnerRule {

  private static final FindingType TYPE = FindingType.LONG_TERM_KEY_WITH_ROLE;

  @Override
  public List<Finding> evaluate(Winner winner, List<SourceAvailability> host, Instant now) {
    if (winner.key() == null || winner.key().type() != KeyType.LONG_TERM) {
      return Collections.emptyList();
    }
    List<SourceAvailability> roles = RoleSources.available(RoleSources.chainOf(winner.sdk(), host), 0);
    if (roles.isEmpty()) {
      return Collections.emptyList();
    }
    String role = RoleSources.describe(roles.get(0));
    String key = winner.key().masked();
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("roleSources", RoleSources.ids(roles));
    evidence.put("role", roles.get(0).role());
    return Collections.singletonList(new Finding(now, TYPE.id(), TYPE.severity(), winner.sdk(), winner.source(),
        winner.provider(), winner.key(), "AWS SDK " + winner.sdk() + " uses long-term key " + key + " "
            + KeyRemoval.origin(winner) + " on a host that offers " + role,
        "use " + role + " instead, then deactivate long-term key " + key + " in IAM", evidence));
  }
}
