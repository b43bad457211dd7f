package io.credscope.findings;

import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.events.ProviderFailure;
import io.credscope.probe.ConfiguredSources;
import io.credscope.probe.HostSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CONFIGURED_SOURCE_FAILED: a source whose settings are all present failed, and a source later in the chain
 * supplied the credentials instead. The classic case is an EKS pod whose web identity token file is set but cannot
 * be read: the SDK silently falls through to the node's instance role, which has other permissions. Read from the
 * chain walk the recorder saw, with the settings as they are when the winner is reported.
 */
final class ConfiguredSourceFailedRule {

  private final boolean maskKeys;
  private final Supplier<HostSettings> settings;

  ConfiguredSourceFailedRule(boolean maskKeys, Supplier<HostSettings> settings) {
    this.maskKeys = maskKeys;
    this.settings = settings;
  }

  /** @return the finding for the first configured source the chain skipped, or {@code null} */
  Finding evaluate(CredentialsResolved resolved) {
    if (resolved.skipped().isEmpty()) {
      return null;
    }
    HostSettings host = null;
    for (ProviderFailure failed : resolved.skipped()) {
      if (failed.source() == null) {
        continue;
      }
      if (host == null) {
        host = settings.get();
      }
      String configuredBy = ConfiguredSources.settingsOf(resolved.sdk(), failed.source(), host);
      if (configuredBy == null) {
        continue;
      }
      String winner = resolved.source().id() + " (" + resolved.provider() + ")";
      Map<String, String> evidence = new LinkedHashMap<String, String>();
      evidence.put("failedSource", failed.source().id());
      evidence.put("failedProvider", failed.provider());
      evidence.put("error", failed.reason());
      evidence.put("configuredBy", configuredBy);
      evidence.put("winner", resolved.source().id());
      if (resolved.caller() != null) {
        evidence.put("location", resolved.caller());
      }
      FindingType type = FindingType.CONFIGURED_SOURCE_FAILED;
      return new Finding(resolved.time(), type.id(), type.severity(), resolved.sdk(), resolved.source(),
          resolved.provider(), resolved.key(), "AWS SDK " + resolved.sdk().id() + " was set up for "
              + failed.source().id() + " (" + configuredBy + ") but it failed: " + failed.reason() + "; "
              + winner + " supplied key " + resolved.key().display(maskKeys) + " instead",
          "fix " + failed.source().id() + " (" + failed.reason() + ") so that the identity it names signs the calls, "
              + "or remove " + configuredBy + " if " + resolved.source().id() + " is meant to",
          evidence);
    }
    return null;
  }
}
