package io.credscope.probe;

import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;

/**
 * Whether the settings of a source are present, whatever became of them: a web identity's token file and role, a
 * container endpoint. A source set up this way that then fails was meant to supply the credentials, so whatever
 * supplied them instead is not what its operator intended. Reads settings only: no file is opened, no endpoint asked.
 */
public final class ConfiguredSources {

  private ConfiguredSources() {
  }

  /**
   * The settings that configure the source for this SDK, as {@code AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN}, or
   * {@code null} when they are not all present, or the source has none that say so.
   */
  public static String settingsOf(Sdk sdk, CredentialSource source, HostSettings settings) {
    SdkDialect dialect = SdkDialect.of(sdk);
    switch (source) {
      case WEB_IDENTITY:
        SettingValue tokenFile = dialect.webIdentityTokenFile.find(settings);
        SettingValue roleArn = dialect.roleArn.find(settings);
        return tokenFile == null || roleArn == null ? null : tokenFile.label() + " and " + roleArn.label();
      case CONTAINER:
        SettingValue relative = dialect.containerRelativeUri.find(settings);
        SettingValue full = relative == null ? dialect.containerFullUri.find(settings) : null;
        return relative != null ? relative.label() : full != null ? full.label() : null;
      default:
        return null;
    }
  }

  /** The role a web identity's settings name, or {@code null}: it is not a secret, and says who was meant to sign. */
  public static String webIdentityRole(Sdk sdk, HostSettings settings) {
    SettingValue roleArn = SdkDialect.of(sdk).roleArn.find(settings);
    return roleArn == null ? null : roleArn.value();
  }
}
