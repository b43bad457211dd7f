package io.credscope.probe;

import io.credscope.profiles.Profile;

/**
 * The IMDS address an SDK would ask, or why it has none. SDK v2: {@code aws.ec2MetadataServiceEndpoint} or
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, then the active profile's {@code ec2_metadata_service_endpoint}, then
 * the address of the endpoint mode ({@code IPv4} or {@code IPv6}, from the same two kinds of places). SDK v1: its
 * override property or the same variable, else the IPv4 address.
 */
final class ImdsEndpoint {

  private static final String PROFILE_ENDPOINT = "ec2_metadata_service_endpoint";
  private static final String PROFILE_ENDPOINT_MODE = "ec2_metadata_service_endpoint_mode";

  private final String url;
  private final String problem;

  private ImdsEndpoint(String url, String problem) {
    this.url = url;
    this.problem = problem;
  }

  static ImdsEndpoint resolve(SdkDialect sdk, HostSettings settings) {
    SettingValue configured = sdk.imdsEndpoint.find(settings);
    if (configured != null) {
      return new ImdsEndpoint(configured.value(), null);
    }
    Profile profile = sdk.imdsSettingsInProfile ? SdkProfiles.read(sdk, settings).profile() : null;
    String profileEndpoint = value(profile, PROFILE_ENDPOINT);
    if (profileEndpoint != null) {
      return new ImdsEndpoint(profileEndpoint, null);
    }
    SettingValue mode = sdk.imdsEndpointMode == null ? null : sdk.imdsEndpointMode.find(settings);
    String modeValue = mode != null ? mode.value() : value(profile, PROFILE_ENDPOINT_MODE);
    if (modeValue == null || modeValue.equalsIgnoreCase("IPv4")) {
      return new ImdsEndpoint(SdkDialect.IMDS_IPV4, null);
    }
    if (modeValue.equalsIgnoreCase("IPv6")) {
      return new ImdsEndpoint(SdkDialect.IMDS_IPV6, null);
    }
    String where = mode != null ? mode.label() : PROFILE_ENDPOINT_MODE + " in profile '" + profile.name() + "'";
    return new ImdsEndpoint(null, where + " is '" + modeValue + "', neither IPv4 nor IPv6");
  }

  private static String value(Profile profile, String property) {
    String value = profile == null ? null : profile.value(property);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** The base address, as {@code http://169.254.169.254}, or {@code null} when there is a {@link #problem()}. */
  String url() {
    return url;
  }

  /** Why the SDK would have no endpoint to ask, or {@code null}. */
  String problem() {
    return problem;
  }

  @Override
  public String toString() {
    return url != null ? url : problem;
  }
}
