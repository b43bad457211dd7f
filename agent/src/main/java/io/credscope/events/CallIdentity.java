package io.credscope.events;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;

/**
 * Which key signed an AWS call, for which service and region, and where credscope saw that key come from: what every
 * record of a call on the wire says first. One per distinct (key, service, region, source), shared by its records.
 */
public final class CallIdentity {

  private final AccessKeyId key;
  private final String service;
  private final String region;
  private final Sdk sdk;
  private final CredentialSource source;
  private final String provider;

  /**
   * @param key {@code null} for the calls counted together beyond the limit of distinct identities
   * @param region {@code null} when the signature names none (SigV4a without a region set)
   * @param sdk, source and provider are {@code null} when credscope never saw the key resolved
   */
  public CallIdentity(AccessKeyId key, String service, String region, Sdk sdk, CredentialSource source,
      String provider) {
    this.key = key;
    this.service = service;
    this.region = region;
    this.sdk = sdk;
    this.source = source;
    this.provider = provider;
  }

  public AccessKeyId key() {
    return key;
  }

  /** The signing name of the service, e.g. {@code s3}. */
  public String service() {
    return service;
  }

  public String region() {
    return region;
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  /** The source's id, or {@code unknown} when credscope never saw the key resolved. */
  public String sourceId() {
    return source == null ? "unknown" : source.id();
  }

  public String provider() {
    return provider;
  }
}
