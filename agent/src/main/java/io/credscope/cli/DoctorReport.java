package io.credscope.cli;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.events.Finding;
import io.credscope.findings.ShadowRules;
import io.credscope.findings.Winner;
import io.credscope.probe.HostProbe;
import io.credscope.probe.SdkDialect;
import io.credscope.probe.SourceAvailability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the doctor found: each SDK's chain with the availability of each source, the winner (the first available,
 * as the chain picks it), what it shadows, and the findings of the shared rules.
 */
final class DoctorReport {

  /** One SDK's default chain on this host. */
  static final class Chain {
    final SdkDialect sdk;
    final List<SourceAvailability> sources;
    /** The winner's position in {@link #sources}, or -1 when no source is available. */
    final int winner;
    final List<Finding> findings;

    Chain(SdkDialect sdk, List<SourceAvailability> sources, int winner, List<Finding> findings) {
      this.sdk = sdk;
      this.sources = Collections.unmodifiableList(sources);
      this.winner = winner;
      this.findings = Collections.unmodifiableList(findings);
    }

    /** The available sources after the winner, which the winner keeps from being used. */
    List<SourceAvailability> shadowed() {
      List<SourceAvailability> shadowed = new ArrayList<SourceAvailability>();
      for (int i = winner + 1; winner >= 0 && i < sources.size(); i++) {
        if (sources.get(i).available()) {
          shadowed.add(sources.get(i));
        }
      }
      return shadowed;
    }
  }

  final int timeoutMillis;
  final List<Chain> chains;

  private DoctorReport(int timeoutMillis, List<Chain> chains) {
    this.timeoutMillis = timeoutMillis;
    this.chains = Collections.unmodifiableList(chains);
  }

  /** Probes both SDKs' chains, v2 first, and judges each chain's winner. */
  static DoctorReport evaluate(HostProbe probe, int timeoutMillis, Instant now) {
    List<Chain> chains = new ArrayList<Chain>();
    for (CredentialChainModel model : CredentialChainModel.ALL) {
      List<SourceAvailability> sources = probe.probe(model);
      int winner = -1;
      for (int i = 0; i < sources.size() && winner < 0; i++) {
        winner = sources.get(i).available() ? i : -1;
      }
      List<Finding> findings = winner < 0 ? Collections.<Finding>emptyList()
          : ShadowRules.evaluate(Winner.firstAvailable(sources.get(winner)), sources, now);
      chains.add(new Chain(SdkDialect.of(model.sdk()), sources, winner, findings));
    }
    return new DoctorReport(timeoutMillis, chains);
  }

  List<Finding> findings() {
    List<Finding> findings = new ArrayList<Finding>();
    for (Chain chain : chains) {
      findings.addAll(chain.findings);
    }
    return findings;
  }

  /** Whether a finding of severity high or above applies, which is what fails a deployment gate. */
  boolean gates() {
    for (Finding finding : findings()) {
      if (finding.severity().compareTo(Finding.Severity.HIGH) <= 0) {
        return true;
      }
    }
    return false;
  }
}
