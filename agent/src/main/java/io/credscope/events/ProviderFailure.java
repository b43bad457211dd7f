package io.credscope.events;

import io.credscope.credentials.CredentialSource;

/** One provider of a chain that had no credentials, and why, in a few words. */
public final class ProviderFailure {

  private final String providerClass;
  private final CredentialSource source;
  private final String reason;

  public ProviderFailure(String providerClass, CredentialSource source, String reason) {
    this.providerClass = providerClass;
    this.source = source;
    this.reason = reason;
  }

  public String provider() {
    return providerClass.substring(providerClass.lastIndexOf('.') + 1);
  }

  public CredentialSource source() {
    return source;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return source + " " + provider() + ": " + reason;
  }
}
