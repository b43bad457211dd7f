package io.credscope.probe;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys in system properties or in environment variables: available when both the access key id and the secret key
 * are set, as each SDK requires. The secret is only looked for, never kept.
 */
final class KeySettingsProbe implements SourceProbe {

  private final CredentialSource source;

  /** @param source {@link CredentialSource#ENVIRONMENT} or {@link CredentialSource#SYSTEM_PROPERTIES} */
  KeySettingsProbe(CredentialSource source) {
    this.source = source;
  }

  @Override
  public SourceAvailability probe(SdkDialect sdk, HostSettings settings) {
    boolean environment = source == CredentialSource.ENVIRONMENT;
    KeySettings keys = environment ? sdk.environmentKeys : sdk.propertyKeys;
    String provider = sdk.provider(source);
    SettingValue accessKeyId = keys.accessKeyId.find(settings);
    if (accessKeyId == null) {
      return SourceAvailability.unavailable(sdk.sdk, source, provider, notSet(keys.accessKeyId));
    }
    String secretKey = keys.secretKey.whereSet(settings);
    if (secretKey == null) {
      return SourceAvailability.unavailable(sdk.sdk, source, provider, notSet(keys.secretKey));
    }
    List<String> names = new ArrayList<String>();
    names.add(accessKeyId.name());
    names.add(secretKey);
    String sessionToken = keys.sessionToken.whereSet(settings);
    if (sessionToken != null) {
      names.add(sessionToken);
    }
    String origin =
        environment ? Listing.and(names) + " in the environment" : "system properties " + Listing.and(names);
    return SourceAvailability.available(sdk.sdk, source, provider, origin)
        .withKey(AccessKeyId.of(accessKeyId.value())).withSettings(names);
  }

  /** "AWS_ACCESS_KEY_ID not set", or with SDK v1's alternative: "AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY) not set". */
  private static String notSet(Setting setting) {
    List<String> names = setting.names();
    StringBuilder text = new StringBuilder(names.get(0));
    for (int i = 1; i < names.size(); i++) {
      text.append(" (or ").append(names.get(i)).append(')');
    }
    return text.append(" not set").toString();
  }
}
