package io.credscope.findings;

import io.credscope.events.CallDenied;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.KeyAccepted;
import io.credscope.probe.HostSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
  private final MissingPermissionRule missingPermission;
  private final ConfiguredSourceFailedRule configuredSourceFailed;
  private final ProfileSettingIgnoredRule profileSettingIgnored;
  private final ShadowWatch shadowWatch;
  private final boolean maskKeys;
  private final int probeTimeoutMillis;
  private final Set<String> raised = new HashSet<String>();

  /**
   * @param probeTimeoutMillis how long the host probe waits for IMDS, per connection and per answer
   * @param probed where the host probe's findings go, from its own thread
   */
  public FindingRules(boolean maskKeys, int probeTimeoutMillis, Consumer<? super Finding> probed) {
    this.hardcodedKey = new HardcodedKeyRule(maskKeys);
    this.multipleIdentities = new MultipleIdentitiesRule(maskKeys);
    this.missingPermission = new MissingPermissionRule(maskKeys);
    // The settings as they are when each winner is reported: applications set system properties after premain.
    this.configuredSourceFailed = new ConfiguredSourceFailedRule(maskKeys, HostSettings::ofThisProcess);
    this.profileSettingIgnored = new ProfileSettingIgnoredRule(maskKeys, HostSettings::ofThisProcess);
    this.shadowWatch = new ShadowWatch(probeTimeoutMillis, probed, Clock.systemUTC());
    this.maskKeys = maskKeys;
    this.probeTimeoutMillis = probeTimeoutMillis;
  }

  /** Called on the reporter thread only; findings go to {@code findings} before this returns. */
  public void observe(Event event, Consumer<Finding> findings) {
    if (event instanceof CallDenied) {
      raise(missingPermission.evaluate((CallDenied) event), findings);
      return;
    }
    if (event instanceof KeyAccepted) {
      for (Finding verified : hardcodedKey.accepted((KeyAccepted) event)) {
        raise(verified, findings);
      }
      return;
    }
    if (!(event instanceof CredentialsResolved)) {
      return;
    }
    CredentialsResolved resolved = (CredentialsResolved) event;
    raise(hardcodedKey.evaluate(resolved), findings);
    raise(multipleIdentities.evaluate(resolved), findings);
    raise(configuredSourceFailed.evaluate(resolved), findings);
    raise(profileSettingIgnored.evaluate(resolved), findings);
    shadowWatch.winnerReported(resolved);
  }

  /**
   * Waits, at most the given time, for the host probes under way: at the end of the run. A probe still under way
   * then is not waited for, since an IMDS that swallows requests would hold the exit up to the probe's timeouts; it
   * is reported as unfinished instead.
   */
  public void awaitProbes(long millis, Consumer<? super Finding> findings) throws InterruptedException {
    for (CredentialsResolved unjudged : shadowWatch.awaitIdle(millis)) {
      findings.accept(unfinished(unjudged, millis));
    }
  }

  private Finding unfinished(CredentialsResolved winner, long waitedMillis) {
    FindingType type = FindingType.HOST_PROBE_UNFINISHED;
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("waitedMillis", Long.toString(waitedMillis));
    evidence.put("probeTimeoutMillis", Integer.toString(probeTimeoutMillis));
    return new Finding(Instant.now(), type.id(), type.severity(), winner.sdk(), winner.source(), winner.provider(),
        winner.key(), "the JVM exited before the host probe for AWS SDK " + winner.sdk().id() + " credentials from "
            + winner.source().id() + " (" + winner.key().display(maskKeys) + ") had finished, so whether they shadow a "
            + "role is unknown",
        "run 'java -jar credscope-agent.jar doctor' on the host, or check why the instance metadata service is slow "
            + "to answer", evidence);
  }

  /** credscope is detached: stops the host probe's thread. */
  public void stop() {
    shadowWatch.stop();
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
