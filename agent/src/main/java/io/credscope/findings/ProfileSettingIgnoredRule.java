package io.credscope.findings;

import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.probe.HostSettings;
import io.credscope.probe.IgnoredProfileSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PROFILE_SETTING_IGNORED: the SDK that resolved credentials ignores settings of the profile it reads, so it signs
 * with other credentials than SDK v2 or the AWS CLI would on the same host. Checked for each winner the SDK
 * reports, against the profile it selects at that moment.
 */
final class ProfileSettingIgnoredRule {

  private final boolean maskKeys;
  private final Supplier<HostSettings> settings;

  ProfileSettingIgnoredRule(boolean maskKeys, Supplier<HostSettings> settings) {
    this.maskKeys = maskKeys;
    this.settings = settings;
  }

  /** @return the finding, or {@code null} when the SDK acts on every setting of its profile */
  Finding evaluate(CredentialsResolved resolved) {
    IgnoredProfileSettings ignored = IgnoredProfileSettings.of(resolved.sdk(), settings.get());
    if (ignored == null) {
      return null;
    }
    String names = String.join(", ", ignored.settings());
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("profile", ignored.profile());
    if (ignored.file() != null) {
      evidence.put("file", ignored.file());
    }
    evidence.put("ignored", names);
    if (ignored.roleArn() != null) {
      evidence.put("roleArn", ignored.roleArn());
    }
    evidence.put("used", resolved.source().id());
    FindingType type = FindingType.PROFILE_SETTING_IGNORED;
    return new Finding(resolved.time(), type.id(), type.severity(), resolved.sdk(), resolved.source(),
        resolved.provider(), resolved.key(), "AWS SDK " + resolved.sdk().id() + " ignores " + names + " of profile '"
            + ignored.profile() + "'" + (ignored.roleArn() == null ? "" : " (role " + ignored.roleArn() + ")")
            + " and uses key " + resolved.key().display(maskKeys) + " from " + resolved.source().id()
            + " instead of what SDK v2 and the AWS CLI would",
        "give SDK v1 a profile it can use (role_arn with a source_profile that holds keys), or move the application "
            + "to SDK v2", evidence);
  }
}
