package io.credscope.events;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.credentials.SdkProviderNames;
import io.credscope.profiles.ProfileDetails;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** The first time a provider yielded a given access key id. Later resolutions are only counted. */
public final class CredentialsResolved implements Event {

  private final Instant time;
  private final Sdk sdk;
  private final CredentialSource source;
  private final String providerClass;
  private final AccessKeyId key;
  private final String chain;
  private final String caller;
  private final List<ProviderFailure> skipped;
  private final Instant expiration;
  private final String sdkProviderName;
  private final String configuredProfile;
  private final BuildSite buildSite;
  private final ProfileDetails profile;
  private final String webIdentityRoleArn;

  /**
   * @param skipped the providers the chain tried first, which had no credentials; may be empty
   * @param expiration when session credentials expire, or {@code null}
   * @param sdkProviderName the SDK's own {@code providerName()}, or {@code null}
   * @param configuredProfile for a profile provider, the profile name it was built with; else {@code null}
   * @param buildSite for a static provider, where application code built it, if known; else {@code null}
   */
  public CredentialsResolved(Instant time, Sdk sdk, CredentialSource source, String providerClass,
      AccessKeyId key, String chain, String caller, List<ProviderFailure> skipped, Instant expiration,
      String sdkProviderName, String configuredProfile, BuildSite buildSite) {
    this(time, sdk, source, providerClass, key, chain, caller, skipped, expiration, sdkProviderName,
        configuredProfile, buildSite, null, null);
  }

  private CredentialsResolved(Instant time, Sdk sdk, CredentialSource source, String providerClass,
      AccessKeyId key, String chain, String caller, List<ProviderFailure> skipped, Instant expiration,
      String sdkProviderName, String configuredProfile, BuildSite buildSite, ProfileDetails profile,
      String webIdentityRoleArn) {
    this.time = time;
    this.sdk = sdk;
    this.source = source;
    this.providerClass = providerClass;
    this.key = key;
    this.chain = chain;
    this.caller = caller;
    this.skipped = Collections.unmodifiableList(skipped);
    this.expiration = expiration;
    this.sdkProviderName = sdkProviderName;
    this.configuredProfile = configuredProfile;
    this.buildSite = buildSite;
    this.profile = profile;
    this.webIdentityRoleArn = webIdentityRoleArn;
  }

  /** The same resolution, with the profile it came from described (looked up off the application's threads). */
  public CredentialsResolved withProfile(ProfileDetails details) {
    return new CredentialsResolved(time, sdk, source, providerClass, key, chain, caller, skipped, expiration,
        sdkProviderName, configuredProfile, buildSite, details, webIdentityRoleArn);
  }

  /** The same web-identity resolution, with the role its settings name (read off the application's threads). */
  public CredentialsResolved withWebIdentityRole(String roleArn) {
    return new CredentialsResolved(time, sdk, source, providerClass, key, chain, caller, skipped, expiration,
        sdkProviderName, configuredProfile, buildSite, profile, roleArn);
  }

  /**
   * The role these credentials are sessions of, as configuration names it: a profile's {@code role_arn}, or a web
   * identity's {@code AWS_ROLE_ARN}; {@code null} when neither applies or it was not looked up.
   */
  public String configuredRoleArn() {
    return profile != null && profile.roleArn() != null ? profile.roleArn() : webIdentityRoleArn;
  }

  /** For static credentials, where application code built the provider, if known; else {@code null}. */
  public BuildSite buildSite() {
    return buildSite;
  }

  /** The profile name the provider was built with, or {@code null} when it follows the environment. */
  public String configuredProfile() {
    return configuredProfile;
  }

  /** For {@code source=profile}, once described: which profile, where, of what kind; else {@code null}. */
  public ProfileDetails profile() {
    return profile;
  }

  /** When the credentials expire, for session credentials whose SDK says; else {@code null}. */
  public Instant expiration() {
    return expiration;
  }

  /** What the SDK itself calls the credentials' provider (a class name or codes), or {@code null}. */
  public String sdkProviderName() {
    return sdkProviderName;
  }

  /** The source the SDK's provider name stands for, or {@code null}: a cross-check of {@link #source()}. */
  public CredentialSource sdkSource() {
    return SdkProviderNames.sourceOf(sdkProviderName);
  }

  @Override
  public String type() {
    return "credentials.resolved";
  }

  @Override
  public Instant time() {
    return time;
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  public String provider() {
    return providerClass.substring(providerClass.lastIndexOf('.') + 1);
  }

  public AccessKeyId key() {
    return key;
  }

  /** The simple name of the outermost chain it was resolved through, or {@code null}. */
  public String chain() {
    return chain;
  }

  /** The first application frame that asked, as {@code class.method(File.java:line)}, or {@code null}. */
  public String caller() {
    return caller;
  }

  /** The providers the chain tried before this one, which had no credentials, in order. */
  public List<ProviderFailure> skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return "CredentialsResolved(sdk=" + sdk + ", source=" + source + ", provider=" + provider() + ", key=" + key
        + ", chain=" + chain + ", caller=" + caller + ")";
  }
}
