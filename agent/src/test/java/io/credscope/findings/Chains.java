package io.credscope.findings;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.probe.SdkDialect;
import io.credscope.probe.SourceAvailability;
import java.util.ArrayList;
import java.util.List;

/** A chain's availabilities for rule tests: every source unavailable but the ones a test offers. */
final class Chains {

  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/eks-pod-role";
  static final String CONTAINER_URI = "http://169.254.170.2 (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)";

  private final Sdk sdk;
  private final List<SourceAvailability> sources = new ArrayList<>();

  private Chains(CredentialChainModel chain) {
    this.sdk = chain.sdk();
    for (CredentialSource source : chain.order()) {
      sources.add(SourceAvailability.unavailable(sdk, source, provider(source), "not set up"));
    }
  }

  static Chains v2() {
    return new Chains(CredentialChainModel.V2);
  }

  static Chains v1() {
    return new Chains(CredentialChainModel.V1);
  }

  private String provider(CredentialSource source) {
    return SdkDialect.of(sdk).provider(source);
  }

  private Chains offer(SourceAvailability availability) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).source() == availability.source()) {
        sources.set(i, availability);
      }
    }
    return this;
  }

  private SourceAvailability available(CredentialSource source, String origin) {
    return SourceAvailability.available(sdk, source, provider(source), origin);
  }

  Chains environment(String keyId, String... names) {
    return offer(available(CredentialSource.ENVIRONMENT, "keys in the environment").withKey(AccessKeyId.of(keyId))
        .withSettings(List.of(names)));
  }

  Chains systemProperties(String keyId, String... names) {
    return offer(available(CredentialSource.SYSTEM_PROPERTIES, "keys in system properties")
        .withKey(AccessKeyId.of(keyId)).withSettings(List.of(names)));
  }

  Chains profileKeys(String profile, String keyId, String file) {
    return offer(available(CredentialSource.PROFILE, "profile '" + profile + "' in " + file + " (static keys)")
        .withKey(AccessKeyId.of(keyId)).withSettings(List.of("aws_access_key_id", "aws_secret_access_key"))
        .withProfileKeys(profile, List.of(file)));
  }

  Chains profileRole(String profile) {
    return offer(available(CredentialSource.PROFILE, "profile '" + profile + "' in /home/app/.aws/config (sso)"));
  }

  Chains webIdentity() {
    return offer(available(CredentialSource.WEB_IDENTITY, "role " + ROLE_ARN).withRole(ROLE_ARN));
  }

  Chains container() {
    return offer(available(CredentialSource.CONTAINER, "endpoint " + CONTAINER_URI).withRole(CONTAINER_URI));
  }

  Chains instanceRole(String role) {
    return offer(available(CredentialSource.INSTANCE_PROFILE, "instance role " + role).withRole(role));
  }

  /** IMDS that did not answer, as on a laptop. */
  Chains imdsUnreachable() {
    return offer(SourceAvailability.unavailable(sdk, CredentialSource.INSTANCE_PROFILE,
        provider(CredentialSource.INSTANCE_PROFILE), "IMDS at http://169.254.169.254 did not answer within 1 s"));
  }

  List<SourceAvailability> list() {
    return new ArrayList<>(sources);
  }

  /** The first available source, as the default chain would pick it. */
  Winner winner() {
    for (SourceAvailability source : sources) {
      if (source.available()) {
        return Winner.firstAvailable(source);
      }
    }
    throw new IllegalStateException("nothing available");
  }
}
