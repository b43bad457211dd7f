package io.credscope.findings;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.probe.SourceAvailability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The credentials that won: which SDK, which source and provider, which key, whether the application asked the
 * SDK's default chain or built a provider itself, and, where it applies, the profile files that hold the keys and
 * the code that built static credentials. The runtime makes one from a resolution, the doctor from a probe.
 */
public final class Winner {

  private final Sdk sdk;
  private final CredentialSource source;
  private final String provider;
  private final AccessKeyId key;
  private final boolean viaDefaultChain;
  private final String profile;
  private final List<String> keyFiles;
  private final String location;

  private Winner(Sdk sdk, CredentialSource source, String provider, AccessKeyId key, boolean viaDefaultChain,
      String profile, List<String> keyFiles, String location) {
    this.sdk = sdk;
    this.source = source;
    this.provider = provider;
    this.key = key;
    this.viaDefaultChain = viaDefaultChain;
    this.profile = profile;
    this.keyFiles = Collections.unmodifiableList(new ArrayList<String>(keyFiles));
    this.location = location;
  }

  /**
   * @param provider the simple class name of the provider that supplied the credentials
   * @param key the access key id, or {@code null} when it is not known
   * @param viaDefaultChain whether the SDK's default chain picked the provider; {@code false} for a provider the
   *     application built itself, static credentials included
   */
  public static Winner of(Sdk sdk, CredentialSource source, String provider, AccessKeyId key,
      boolean viaDefaultChain) {
    return new Winner(sdk, source, provider, key, viaDefaultChain, null, Collections.<String>emptyList(), null);
  }

  /** The first available source of a default chain: what the chain picks when the application asks it. */
  public static Winner firstAvailable(SourceAvailability availability) {
    Winner winner = of(availability.sdk(), availability.source(), availability.provider(), availability.key(), true);
    return availability.profile() == null ? winner
        : winner.withProfileKeys(availability.profile(), availability.keyFiles());
  }

  /** The same, for static keys written in a profile: its name, and the config or credentials files holding them. */
  public Winner withProfileKeys(String profile, List<String> keyFiles) {
    return new Winner(sdk, source, provider, key, viaDefaultChain, profile, keyFiles, location);
  }

  /** The same, with the code that built static credentials: {@code com.example.App.main(App.java:12)}. */
  public Winner withLocation(String location) {
    return new Winner(sdk, source, provider, key, viaDefaultChain, profile, keyFiles, location);
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  public String provider() {
    return provider;
  }

  /** The access key id, or {@code null}. */
  public AccessKeyId key() {
    return key;
  }

  public boolean viaDefaultChain() {
    return viaDefaultChain;
  }

  /** The profile whose static keys won, or {@code null} when the keys did not come from a profile's own keys. */
  public String profile() {
    return profile;
  }

  /** The files holding the profile's static keys; empty unless {@link #profile()} is set. */
  public List<String> keyFiles() {
    return keyFiles;
  }

  /** Where code built static credentials, or {@code null}. */
  public String location() {
    return location;
  }

  @Override
  public String toString() {
    return "Winner(" + sdk + " " + source + " " + provider + (key == null ? "" : " " + key.masked())
        + (viaDefaultChain ? " via the default chain" : "") + (profile == null ? "" : ", profile " + profile)
        + (location == null ? "" : ", at " + location) + ")";
  }
}
