package io.credscope.bridge;

/**
 * The one entry point inlined advice calls. It lives on the bootstrap class path, so advice woven
 * into SDK, application or JDK classes can always link against it, and it forwards to whichever
 * {@link Dispatcher} the agent core installed.
 */
public final class Bridge {

  private static volatile Dispatcher dispatcher = Dispatcher.NoOp.INSTANCE;

  private Bridge() {
  }

  /** Whether an agent core is installed in this JVM, so that a second start can step aside. */
  public static boolean installed() {
    return dispatcher != Dispatcher.NoOp.INSTANCE;
  }

  public static void install(Dispatcher installed) {
    dispatcher = installed == null ? Dispatcher.NoOp.INSTANCE : installed;
  }

  public static void credentialsProvided(Object provider, Object credentials) {
    dispatcher.credentialsProvided(provider, credentials);
  }

  public static void identityResolved(Object provider, Object credentials) {
    dispatcher.identityResolved(provider, credentials);
  }

  public static void executionCredentials(Object executionContext, Object credentials) {
    dispatcher.executionCredentials(executionContext, credentials);
  }

  public static void staticProviderBuilt(Object provider) {
    dispatcher.staticProviderBuilt(provider);
  }

  public static void credentialsFailed(Object provider, Throwable failure) {
    dispatcher.credentialsFailed(provider, failure);
  }

  public static void chainEntered(Object chain) {
    dispatcher.chainEntered(chain);
  }

  public static void chainExited(Object chain, Throwable failure) {
    dispatcher.chainExited(chain, failure);
  }
}
