package io.credscope.probe;

import io.credscope.credentials.CredentialSource;
import java.util.Collections;

/**
 * The ECS or EKS container credentials endpoint. Both SDKs take the relative URI before the full one. The endpoint
 * is never contacted: it would answer with credentials, and credscope holds none. So a container source counts as
 * available as soon as its URI is set, and its role is known by that URI only.
 */
final class ContainerProbe implements SourceProbe {

  @Override
  public SourceAvailability probe(SdkDialect sdk, HostSettings settings) {
    String provider = sdk.provider(CredentialSource.CONTAINER);
    SettingValue relative = sdk.containerRelativeUri.find(settings);
    if (relative != null) {
      SettingValue host = sdk.containerServiceEndpoint == null ? null : sdk.containerServiceEndpoint.find(settings);
      String endpoint = (host == null ? SdkDialect.CONTAINER_ENDPOINT : host.value()) + relative.value();
      String origin = "credentials endpoint " + endpoint + " from " + relative.label()
          + (host == null ? "" : " and " + host.label()) + " (not contacted)";
      return SourceAvailability.available(sdk.sdk, CredentialSource.CONTAINER, provider, origin)
          .withRole(endpoint).withSettings(Collections.singletonList(relative.name()));
    }
    SettingValue full = sdk.containerFullUri.find(settings);
    if (full != null) {
      String origin = "credentials endpoint " + full.value() + " from " + full.label() + " (not contacted)";
      return SourceAvailability.available(sdk.sdk, CredentialSource.CONTAINER, provider, origin)
          .withRole(full.value()).withSettings(Collections.singletonList(full.name()));
    }
    return SourceAvailability.unavailable(sdk.sdk, CredentialSource.CONTAINER, provider,
        sdk.containerRelativeUri.displayName() + " and " + sdk.containerFullUri.displayName() + " not set");
  }

  /** Whether the SDK would ask a container endpoint, which SDK v1 does instead of asking IMDS. */
  static boolean configured(SdkDialect sdk, HostSettings settings) {
    return sdk.containerRelativeUri.find(settings) != null || sdk.containerFullUri.find(settings) != null;
  }
}
