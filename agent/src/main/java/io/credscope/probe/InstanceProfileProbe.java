package io.credscope.probe;

import io.credscope.credentials.CredentialSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The EC2 instance role, by name, from IMDS at the endpoint the SDK would use, unless the SDK's settings keep it
 * from asking. IMDS is asked once per endpoint for the life of this probe: both SDKs usually ask the same one, and
 * a host that does not answer should cost the timeout once, not twice.
 */
final class InstanceProfileProbe implements SourceProbe {

  private final ImdsClient imds;
  private final Map<String, ImdsAnswer> answers = new HashMap<String, ImdsAnswer>();

  InstanceProfileProbe(ImdsClient imds) {
    this.imds = imds;
  }

  @Override
  public SourceAvailability probe(SdkDialect sdk, HostSettings settings) {
    String provider = sdk.provider(CredentialSource.INSTANCE_PROFILE);
    if (sdk.containerReplacesInstanceProfile && ContainerProbe.configured(sdk, settings)) {
      return unavailable(sdk, provider, "SDK " + sdk.sdk + " asks the container endpoint instead, as "
          + sdk.containerRelativeUri.displayName() + " or " + sdk.containerFullUri.displayName() + " is set");
    }
    String disabled = disabledBy(sdk, settings);
    if (disabled != null) {
      return unavailable(sdk, provider, disabled);
    }
    ImdsEndpoint endpoint = ImdsEndpoint.resolve(sdk, settings);
    if (endpoint.problem() != null) {
      return unavailable(sdk, provider, endpoint.problem());
    }
    ImdsAnswer answer = answers.get(endpoint.url());
    if (answer == null) {
      answer = imds.instanceRole(endpoint.url());
      answers.put(endpoint.url(), answer);
    }
    if (answer.role() == null) {
      return unavailable(sdk, provider, answer.failure());
    }
    return SourceAvailability.available(sdk.sdk, CredentialSource.INSTANCE_PROFILE, provider,
        "instance role " + answer.role() + " from IMDS at " + endpoint.url()).withRole(answer.role())
        .withInstanceProfileArn(answer.instanceProfileArn());
  }

  private static SourceAvailability unavailable(SdkDialect sdk, String provider, String reason) {
    return SourceAvailability.unavailable(sdk.sdk, CredentialSource.INSTANCE_PROFILE, provider, reason);
  }

  /** The setting that keeps the SDK from asking IMDS, as "AWS_EC2_METADATA_DISABLED=true", or {@code null}. */
  private static String disabledBy(SdkDialect sdk, HostSettings settings) {
    if (sdk.imdsDisabledIfAnyTrue) {
      SettingValue disabled = sdk.imdsDisabled.firstTrue(settings);
      return disabled == null ? null : disabled.toString();
    }
    SettingValue disabled = sdk.imdsDisabled.find(settings);
    if (disabled == null || disabled.value().equalsIgnoreCase("false")) {
      return null;
    }
    if (disabled.value().equalsIgnoreCase("true")) {
      return disabled.toString();
    }
    // SDK v2 fails the provider on a value it cannot read as a boolean.
    return disabled.label() + " is '" + disabled.value() + "', which SDK " + sdk.sdk + " rejects: not true or false";
  }
}
