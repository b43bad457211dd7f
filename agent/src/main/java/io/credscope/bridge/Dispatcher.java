package io.credscope.bridge;

/**
 * What inlined advice reports. Implemented by the agent core, which lives in the agent's own class
 * loader; this interface sits on the bootstrap class path so that advice in any class loader can
 * reach it. Only JDK types cross it, so that the bridge never ties a host class loader to an agent
 * library.
 */
public interface Dispatcher {

  /**
   * A credentials provider returned credentials. Called on the application's thread on every
   * resolution, so implementations keep the repeated case to a lookup.
   *
   * @param provider the provider instance that returned, never {@code null}
   * @param credentials what it returned, possibly {@code null}
   */
  void credentialsProvided(Object provider, Object credentials);

  /**
   * The SDK asked a provider through its identity interface, which every provider inherits, the
   * application's own included. Known SDK providers are reported by their own hook instead.
   */
  void identityResolved(Object provider, Object credentials);

  /** A credentials provider threw instead of returning credentials. */
  void credentialsFailed(Object provider, Throwable failure);

  /** A chain starts asking its providers, in order. Called on every resolution through a chain. */
  void chainEntered(Object chain);

  /**
   * A chain returned credentials, or threw because none of its providers had any.
   *
   * @param failure {@code null} when the chain returned
   */
  void chainExited(Object chain, Throwable failure);

  /** Does nothing: what the bridge dispatches to before the agent core is installed. */
  enum NoOp implements Dispatcher {
    INSTANCE;

    @Override
    public void credentialsProvided(Object provider, Object credentials) {
    }

    @Override
    public void identityResolved(Object provider, Object credentials) {
    }

    @Override
    public void credentialsFailed(Object provider, Throwable failure) {
    }

    @Override
    public void chainEntered(Object chain) {
    }

    @Override
    public void chainExited(Object chain, Throwable failure) {
    }
  }
}
