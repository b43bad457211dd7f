package io.credscope.findings;

import io.credscope.credentials.CredentialSource;
import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KEYS_SHADOW_ROLE: keys from system properties, the environment, a profile's own keys or code won while a role was
 * there for the taking. A winner the default chain picked shadows only the roles the chain would have reached after
 * it; a provider the application built shadows every role, since the default chain would have found them.
 *
 * <p>The remedy is complete: besides the winner's keys, it names every other key source that would win next, so
 * that following it does give the role.
 */
final class KeysShadowRoleRule implements WinnerRule {

  private static final FindingType TYPE = FindingType.KEYS_SHADOW_ROLE;

  @Override
  public List<Finding> evaluate(Winner winner, List<SourceAvailability> host, Instant now) {
    if (!isKeys(winner)) {
      return Collections.emptyList();
    }
    List<SourceAvailability> chain = RoleSources.chainOf(winner.sdk(), host);
    int winnerAt = indexOf(chain, winner.source());
    int from = winner.viaDefaultChain() && winnerAt >= 0 ? winnerAt + 1 : 0;
    List<SourceAvailability> shadowed = RoleSources.available(chain, from);
    if (shadowed.isEmpty()) {
      return Collections.emptyList();
    }
    SourceAvailability role = shadowed.get(0);
    String roleText = RoleSources.describe(role);
    String key = winner.key() == null ? "keys" : "key " + winner.key().masked();
    String summary = "AWS SDK " + winner.sdk() + " takes " + key + " " + KeyRemoval.origin(winner) + " while "
        + roleText + " is available" + (shadowed.size() > 1 ? " (also shadowed: "
        + RoleSources.ids(shadowed.subList(1, shadowed.size())) + ")" : "");
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("shadowed", RoleSources.ids(shadowed));
    evidence.put("roleSource", role.source().id());
    evidence.put("role", role.role());
    if (role.instanceProfileArn() != null) {
      evidence.put("instanceProfileArn", role.instanceProfileArn());
    }
    if (!winner.keyFiles().isEmpty()) {
      evidence.put("file", String.join(", ", winner.keyFiles()));
    }
    if (winner.location() != null) {
      evidence.put("location", winner.location());
    }
    evidence.put("viaDefaultChain", String.valueOf(winner.viaDefaultChain()));
    return Collections.singletonList(new Finding(now, TYPE.id(), TYPE.severity(), winner.sdk(), winner.source(),
        winner.provider(), winner.key(), summary, remedy(winner, chain, winnerAt, from, role, roleText), evidence));
  }

  /** Keys that someone put on the host or in code, as opposed to credentials a role or a process hands out. */
  private static boolean isKeys(Winner winner) {
    CredentialSource source = winner.source();
    return source == CredentialSource.ENVIRONMENT || source == CredentialSource.SYSTEM_PROPERTIES
        || source == CredentialSource.STATIC || source == CredentialSource.PROFILE && winner.profile() != null;
  }

  /**
   * "unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to use instance role demo-instance-role"; for a provider the
   * application built: "use the default chain instead of …, then …, to get …".
   */
  private static String remedy(Winner winner, List<SourceAvailability> chain, int winnerAt, int from,
      SourceAvailability role, String roleText) {
    List<String> steps = new ArrayList<String>();
    SourceAvailability own = winnerAt >= 0 ? chain.get(winnerAt) : null;
    if (winner.viaDefaultChain() || winner.source() == CredentialSource.STATIC) {
      steps.add(KeyRemoval.of(winner, own));
    } else {
      steps.add("use the default chain instead of " + winner.provider());
    }
    // Whatever the chain reaches before the role would win next. For a provider the application built, that can be
    // the winner's own source, which the default chain asks too.
    for (int i = from; i < chain.indexOf(role); i++) {
      SourceAvailability next = chain.get(i);
      if (next.available()) {
        steps.add(next.source() == winner.source() ? KeyRemoval.of(winner, next) : KeyRemoval.of(next));
      }
    }
    StringBuilder remedy = new StringBuilder(steps.get(0));
    for (int i = 1; i < steps.size(); i++) {
      remedy.append(", then ").append(steps.get(i));
    }
    boolean switchesChain = !winner.viaDefaultChain();
    return remedy.append(steps.size() > 1 ? "," : "").append(switchesChain ? " to get " : " to use ").append(roleText)
        .toString();
  }

  private static int indexOf(List<SourceAvailability> chain, CredentialSource source) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).source() == source) {
        return i;
      }
    }
    return -1;
  }
}
