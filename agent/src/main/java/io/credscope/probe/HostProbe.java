package io.credscope.probe;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What this host offers each SDK's default chain: for every source, whether it has credentials to give, where from,
 * or why not. Synchronous, so callers choose the thread; the agent must run it on a thread of its own, never on the
 * application's. Where nothing answers at the IMDS address, a probe costs one connect timeout; an IMDS that
 * accepts connections but answers slowly can cost four (connect and answer, for the token and for the role name).
 *
 * <p>One probe is one look at the host: it reads the settings snapshot it was given, the profile and token files
 * as they are when asked, and IMDS at most once per endpoint. Take a new one for a new look. Not thread-safe.
 */
public final class HostProbe {

  private final HostSettings settings;
  private final Map<CredentialSource, SourceProbe> probes =
      new EnumMap<CredentialSource, SourceProbe>(CredentialSource.class);

  public HostProbe(HostSettings settings, ImdsClient imds) {
    this.settings = settings;
    probes.put(CredentialSource.SYSTEM_PROPERTIES, new KeySettingsProbe(CredentialSource.SYSTEM_PROPERTIES));
    probes.put(CredentialSource.ENVIRONMENT, new KeySettingsProbe(CredentialSource.ENVIRONMENT));
    probes.put(CredentialSource.WEB_IDENTITY, new WebIdentityProbe());
    probes.put(CredentialSource.PROFILE, new ProfileProbe());
    probes.put(CredentialSource.CONTAINER, new ContainerProbe());
    probes.put(CredentialSource.INSTANCE_PROFILE, new InstanceProfileProbe(imds));
  }

  /** Every source of the chain, in the chain's order. */
  public List<SourceAvailability> probe(CredentialChainModel chain) {
    List<SourceAvailability> availabilities = new ArrayList<SourceAvailability>();
    for (CredentialSource source : chain.order()) {
      availabilities.add(probe(chain.sdk(), source));
    }
    return availabilities;
  }

  /**
   * One source of one SDK's default chain.
   *
   * @throws IllegalArgumentException for a source no default chain has, such as {@code static}
   */
  public SourceAvailability probe(Sdk sdk, CredentialSource source) {
    SourceProbe probe = probes.get(source);
    if (probe == null) {
      throw new IllegalArgumentException(source + " is in no default chain, so there is nothing on the host to probe");
    }
    return probe.probe(SdkDialect.of(sdk), settings);
  }
}
