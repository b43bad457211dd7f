package io.credscope.control;

import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps, for {@code status}, what the counters do not: each identity's first sighting (its chain and first caller)
 * and the findings. Fed on the reporter thread with every event the outputs get; bounded, as everything the agent
 * keeps: past {@link #MAX_ENTRIES} of a kind, later ones are counted, not kept.
 */
final class StatusWatch implements Consumer<Event> {

  static final int MAX_ENTRIES = 256;

  private final Map<String, CredentialsResolved> identities = new LinkedHashMap<String, CredentialsResolved>();
  private final Map<String, Finding> findings = new LinkedHashMap<String, Finding>();
  private long unkept;

  @Override
  public synchronized void accept(Event event) {
    if (event instanceof CredentialsResolved) {
      CredentialsResolved resolved = (CredentialsResolved) event;
      keep(identities, identity(resolved.sdk() == null ? null : resolved.sdk().id(), resolved.source().id(),
          resolved.provider(), resolved.key().value()), resolved);
    } else if (event instanceof Finding) {
      Finding finding = (Finding) event;
      keep(findings, finding.id() + '|' + finding.provider() + '|'
          + (finding.key() == null ? "" : finding.key().value()) + '|' + finding.summary(), finding);
    }
  }

  private <T> void keep(Map<String, T> kept, String key, T value) {
    if (kept.containsKey(key)) {
      return;
    }
    if (kept.size() >= MAX_ENTRIES) {
      unkept++;
      return;
    }
    kept.put(key, value);
  }

  static String identity(String sdk, String source, String provider, String keyId) {
    return sdk + '|' + source + '|' + provider + '|' + keyId;
  }

  synchronized List<CredentialsResolved> identities() {
    return new ArrayList<CredentialsResolved>(identities.values());
  }

  synchronized List<Finding> findings() {
    return new ArrayList<Finding>(findings.values());
  }

  /** Identities and findings seen past the bound. */
  synchronized long unkept() {
    return unkept;
  }
}
