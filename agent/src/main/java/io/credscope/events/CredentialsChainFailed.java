package io.credscope.events;

import io.credscope.credentials.Sdk;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** A chain found no credentials: every provider it tried, in order, and why each had none. */
public final class CredentialsChainFailed implements Event {

  private final Instant time;
  private final Sdk sdk;
  private final String chain;
  private final List<ProviderFailure> providers;
  private final String caller;

  public CredentialsChainFailed(Instant time, Sdk sdk, String chain, List<ProviderFailure> providers,
      String caller) {
    this.time = time;
    this.sdk = sdk;
    this.chain = chain;
    this.providers = Collections.unmodifiableList(providers);
    this.caller = caller;
  }

  @Override
  public String type() {
    return "credentials.failed";
  }

  @Override
  public Instant time() {
    return time;
  }

  public Sdk sdk() {
    return sdk;
  }

  /** The simple name of the chain the application asked. */
  public String chain() {
    return chain;
  }

  public List<ProviderFailure> providers() {
    return providers;
  }

  /** The first application frame that asked, or {@code null}. */
  public String caller() {
    return caller;
  }

  @Override
  public String toString() {
    return "CredentialsChainFailed(sdk=" + sdk + ", chain=" + chain + ", providers=" + providers + ", caller="
        + caller + ")";
  }
}
