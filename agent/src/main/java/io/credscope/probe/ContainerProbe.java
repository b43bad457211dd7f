package io.credscope.probe;

import io.credscope.credentials.CredentialSource;
import java.net.URI;
import java.util.Collections;

/**
 * The ECS or EKS container credentials endpoint. Both SDKs take the relative URI before the full one. The endpoint
 * is never contacted: it would answer with credentials, and credscope holds none. So a container source counts as
 * available as soon as its URI is set.
 *
 * <p>The URI's path is a capability: whoever reaches the endpoint with it gets the task's credentials. So the
 * source is named by the endpoint's scheme, host and port and by the setting that points at it, never by the path,
 * in the findings, on stderr, in the audit log and in the doctor's report alike.
 */
final class ContainerProbe implements SourceProbe {

  @Override
  public SourceAvailability probe(SdkDialect sdk, HostSettings settings) {
    String provider = sdk.provider(CredentialSource.CONTAINER);
    SettingValue relative = sdk.containerRelativeUri.find(settings);
    if (relative != null) {
      SettingValue host = sdk.containerServiceEndpoint == null ? null : sdk.containerServiceEndpoint.find(settings);
      String endpoint = origin(host == null ? SdkDialect.CONTAINER_ENDPOINT : host.value());
      return available(sdk, provider, relative, endpoint, relative.label() + (host == null ? "" : " and " + host.label()));
    }
    SettingValue full = sdk.containerFullUri.find(settings);
    if (full != null) {
      return available(sdk, provider, full, origin(full.value()), full.label());
    }
    return SourceAvailability.unavailable(sdk.sdk, CredentialSource.CONTAINER, provider,
        sdk.containerRelativeUri.displayName() + " and " + sdk.containerFullUri.displayName() + " not set");
  }

  private static SourceAvailability available(SdkDialect sdk, String provider, SettingValue uri, String endpoint,
      String from) {
    String origin = "credentials endpoint " + endpoint + " from " + from
        + " (not contacted; its path is a credential and is not shown)";
    return SourceAvailability.available(sdk.sdk, CredentialSource.CONTAINER, provider, origin)
        .withRole(endpoint + " (" + uri.name() + ")").withSettings(Collections.singletonList(uri.name()));
  }

  /**
   * The scheme, host and port of an endpoint URI, without its path, query or user information; a placeholder for
   * one that does not parse, which the SDK would refuse too.
   */
  static String origin(String uri) {
    try {
      URI parsed = new URI(uri.trim());
      if (parsed.getScheme() != null && parsed.getHost() != null) {
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
      }
    } catch (Exception unparseable) {
      // Falls through to the placeholder: the value itself may hold the credential path.
    }
    return "<unreadable URI>";
  }

  /** Whether the SDK would ask a container endpoint, which SDK v1 does instead of asking IMDS. */
  static boolean configured(SdkDialect sdk, HostSettings settings) {
    return sdk.containerRelativeUri.find(settings) != null || sdk.containerFullUri.find(settings) != null;
  }
}
