package io.credscope.findings;

import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns reported events into findings, on the reporter thread, so that rules may read files and
 * class bytes without touching the application's threads. Each finding is raised once per
 * distinct evidence.
 */
public final class FindingRules {

  /** Distinct findings remembered for de-duplication; beyond this, repeats may be reported again. */
  static final int MAX_REMEMBERED = 4096;

  private final HardcodedKeyRule hardcodedKey;
  private final MultipleIdentitiesRule multipleIdentities;
  private final Set<String> raised = new HashSet<String>();

  public FindingRules(boolean maskKeys) {
    this.hardcodedKey = new HardcodedKeyRule(maskKeys);
    this.multipleIdentities = new MultipleIdentitiesRule(maskKeys);
  }

  /** Called on the reporter thread only; findings go to {@code findings} before this returns. */
  public void observe(Event event, Consumer<Finding> findings) {
    if (!(event instanceof CredentialsResolved)) {
      return;
    }
    CredentialsResolved resolved = (CredentialsResolved) event;
    raise(hardcodedKey.evaluate(resolved), findings);
    raise(multipleIdentities.evaluate(resolved), findings);
  }

  private void raise(Finding finding, Consumer<Finding> findings) {
    if (finding == null) {
      return;
    }
    String evidence = finding.id() + '|' + finding.key().value() + '|' + finding.evidence();
    if (raised.size() < MAX_REMEMBERED && !raised.add(evidence)) {
      return;
    }
    findings.accept(finding);
  }
}
