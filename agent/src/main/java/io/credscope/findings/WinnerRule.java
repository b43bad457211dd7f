package io.credscope.findings;

import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.time.Instant;
import java.util.List;

/** One finding's rule: judges the credentials that won against what the host offers the same SDK. */
interface WinnerRule {

  /**
   * @param host the winner's SDK chain, as {@code HostProbe#probe(chain)} gives it; another SDK's entries are ignored
   * @return the findings that apply; none in a clean set-up
   */
  List<Finding> evaluate(Winner winner, List<SourceAvailability> host, Instant now);
}
