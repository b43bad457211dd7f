package io.credscope.probe;

import io.credscope.credentials.CredentialSource;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * A web identity (EKS IRSA): a role ARN and a token file that can be read. The token itself is a credential, so it
 * is never opened; whether the file is readable is all that matters. Whether the SDK's STS module is on the
 * application's class path cannot be seen from here.
 */
final class WebIdentityProbe implements SourceProbe {

  @Override
  public SourceAvailability probe(SdkDialect sdk, HostSettings settings) {
    String provider = sdk.provider(CredentialSource.WEB_IDENTITY);
    SettingValue tokenFile = sdk.webIdentityTokenFile.find(settings);
    SettingValue roleArn = sdk.roleArn.find(settings);
    String tokenName = sdk.webIdentityTokenFile.displayName();
    String roleName = sdk.roleArn.displayName();
    if (tokenFile == null || roleArn == null) {
      String reason = tokenFile == null && roleArn == null ? tokenName + " and " + roleName + " not set"
          : tokenFile == null ? tokenName + " not set (" + roleName + " is)"
          : roleName + " not set (" + tokenName + " is)";
      return SourceAvailability.unavailable(sdk.sdk, CredentialSource.WEB_IDENTITY, provider, reason);
    }
    String unreadable = unreadable(tokenFile.value());
    if (unreadable != null) {
      return SourceAvailability.unavailable(sdk.sdk, CredentialSource.WEB_IDENTITY, provider,
          "token file " + tokenFile.value() + " (" + tokenFile.label() + ") " + unreadable);
    }
    String origin = "role " + roleArn.value() + " from " + roleArn.label() + ", token file " + tokenFile.value()
        + " from " + tokenFile.label();
    return SourceAvailability.available(sdk.sdk, CredentialSource.WEB_IDENTITY, provider, origin)
        .withRole(roleArn.value()).withSettings(Arrays.asList(tokenFile.name(), roleArn.name()));
  }

  /** Why the file cannot be read, or {@code null} if it can. */
  private static String unreadable(String file) {
    Path path;
    try {
      path = Paths.get(file);
    } catch (InvalidPathException e) {
      return "is not a valid path";
    }
    if (!Files.exists(path)) {
      return "does not exist";
    }
    return Files.isRegularFile(path) && Files.isReadable(path) ? null : "is not a readable file";
  }
}
