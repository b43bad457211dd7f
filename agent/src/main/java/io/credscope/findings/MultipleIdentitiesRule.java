package io.credscope.findings;

import io.credscope.credentials.KeyType;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * MULTIPLE_IDENTITIES: more than one identity signs this JVM's calls. A long-term key is an
 * identity of its own; session keys are told apart by where they come from, since a source
 * refreshing its session, or each client assuming the same role, is one identity with many keys.
 * Raised again each time another identity joins, never for the same set twice.
 */
final class MultipleIdentitiesRule {

  /** Identities told apart; more are not, so memory stays bounded. */
  static final int MAX_IDENTITIES = 64;

  private final boolean maskKeys;
  private final Map<String, Usage> identities = new LinkedHashMap<String, Usage>();

  MultipleIdentitiesRule(boolean maskKeys) {
    this.maskKeys = maskKeys;
  }

  /** @return the finding when this resolution brings in another identity, else {@code null} */
  Finding evaluate(CredentialsResolved resolved) {
    if (resolved.key().type() == KeyType.NONE) {
      return null;
    }
    String identity = resolved.key().type() == KeyType.TEMPORARY
        ? "sessions from " + resolved.source().id() + (resolved.profile() == null ? "" : " profile " + resolved.profile().name())
        : resolved.key().value();
    Usage usage = identities.get(identity);
    if (usage != null) {
      usage.add(resolved);
      return null;
    }
    if (identities.size() >= MAX_IDENTITIES) {
      return null;
    }
    usage = new Usage(resolved.key().type() == KeyType.TEMPORARY
        ? identity + " (" + resolved.key().display(maskKeys) + ", \u2026)" : resolved.key().display(maskKeys));
    usage.add(resolved);
    identities.put(identity, usage);
    if (identities.size() < 2) {
      return null;
    }
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    StringBuilder all = new StringBuilder();
    for (Usage each : identities.values()) {
      all.append(all.length() == 0 ? "" : "; ").append(each);
    }
    evidence.put("identities", all.toString());
    evidence.put("count", Integer.toString(identities.size()));
    FindingType type = FindingType.MULTIPLE_IDENTITIES;
    return new Finding(resolved.time(), type.id(), type.severity(), resolved.sdk(), resolved.source(),
        resolved.provider(), resolved.key(), identities.size() + " identities sign this JVM's AWS calls: " + all,
        "check that each client is meant to use its own identity; a stray one is often a leftover key", evidence);
  }

  /** One identity's key, and which sources and code use it. */
  private static final class Usage {
    private static final int MAX_USERS = 8;
    private final String key;
    private final Set<String> users = new LinkedHashSet<String>();

    Usage(String key) {
      this.key = key;
    }

    void add(CredentialsResolved resolved) {
      if (users.size() < MAX_USERS) {
        users.add("SDK " + resolved.sdk().id() + " " + resolved.source().id() + " " + resolved.provider()
            + (resolved.caller() == null ? "" : " at " + resolved.caller()));
      }
    }

    @Override
    public String toString() {
      return key + " used by " + String.join(", ", users);
    }
  }
}
