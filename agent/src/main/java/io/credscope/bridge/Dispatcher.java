package io.credscope.bridge;

import java.io.InputStream;

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
   * An SDK client got credentials from the provider it was built with, at a seam every provider
   * passes, the application's own included: SDK v2's identity interface, or its request set-up
   * before 2.21. Known SDK providers are reported by their own hook instead.
   */
  void identityResolved(Object provider, Object credentials);

  /**
   * SDK v1's request executor got credentials from the provider its execution context holds: the
   * one place an application's own v1 provider is seen. Called once per request attempt.
   */
  void executionCredentials(Object executionContext, Object credentials);

  /**
   * Application code built a provider around fixed keys. Called on the building thread, once per
   * provider, so that its code location can be told when the keys are first used.
   */
  void staticProviderBuilt(Object provider);

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

  /**
   * An HTTP client finished an exchange; see {@link Bridge#httpExchange}. Called on the application's thread for
   * every request of every hooked client: a call that is not for AWS must cost a few string checks and no
   * allocation.
   */
  boolean httpExchange(String library, String method, String host, int port, String target, String authorization,
      String imdsToken, int status, Throwable failure);

  /** An asynchronous HTTP exchange is about to be sent; see {@link Bridge#httpExchangeSending}. */
  Object httpExchangeSending(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, Object client, Object request, Object bodyHandler);

  /** The asynchronous HTTP exchange announced was sent; see {@link Bridge#httpExchangeStarted}. */
  Object httpExchangeStarted(Object exchange, Object pendingResponse);

  /** A hooked client's call starts; see {@link Bridge#callStarted}. */
  Object callStarted();

  /** The call {@link #callStarted} began has an answer; see {@link Bridge#callAnswered}. */
  boolean callAnswered(Object scope, Throwable failure);

  /** Whether and when to send the call again; see {@link Bridge#retryDelay}. */
  long retryDelay(Object scope, String amzTarget, String amzDate, String sdkInvocationId, String sdkRequest,
      String retryAfter, String amzRetryAfter, boolean replayable);

  /** Waits a slice before the call is sent again; see {@link Bridge#retryWait}. */
  int retryWait(Object scope, boolean cancelled);

  /** The region set of the SigV4a request about to be reported on this thread; see {@link Bridge#sigV4aRegionSet}. */
  void sigV4aRegionSet(String regionSet);

  /** An SDK call starts on this thread; see {@link Bridge#sdkOperationStarted}. */
  Object sdkOperationStarted(Object request);

  /** The SDK call {@link #sdkOperationStarted} began is over; see {@link Bridge#sdkOperationEnded}. */
  void sdkOperationEnded(Object outer);

  /** The error response of the AWS call just reported on this thread; see {@link Bridge#awsErrorResponse}. */
  void awsErrorResponse(String amzTarget, String queryError, String errorType, byte[] bodyPrefix, int length);

  /**
   * As above, with a body not yet read; see {@link Bridge#awsErrorResponse(String, String, String, InputStream)}.
   * Never throws, and answers {@code body} itself when it reads nothing.
   */
  InputStream awsErrorResponse(String amzTarget, String queryError, String errorType, InputStream body);

  /** Does nothing: what the bridge dispatches to before the agent core is installed. */
  enum NoOp implements Dispatcher {
    INSTANCE;

    @Override
    public void credentialsProvided(Object provider, Object credentials) {
    }

    @Override
    public Object sdkOperationStarted(Object request) {
      return null;
    }

    @Override
    public void sdkOperationEnded(Object outer) {
    }

    @Override
    public void identityResolved(Object provider, Object credentials) {
    }

    @Override
    public void executionCredentials(Object executionContext, Object credentials) {
    }

    @Override
    public void staticProviderBuilt(Object provider) {
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

    @Override
    public boolean httpExchange(String library, String method, String host, int port, String target,
        String authorization, String imdsToken, int status, Throwable failure) {
      return false;
    }

    @Override
    public Object httpExchangeSending(String library, String method, String host, int port, String target,
        String authorization, String imdsToken, Object client, Object request, Object bodyHandler) {
      return null;
    }

    @Override
    public Object httpExchangeStarted(Object exchange, Object pendingResponse) {
      return pendingResponse;
    }

    @Override
    public Object callStarted() {
      return null;
    }

    @Override
    public boolean callAnswered(Object scope, Throwable failure) {
      return false;
    }

    @Override
    public long retryDelay(Object scope, String amzTarget, String amzDate, String sdkInvocationId,
        String sdkRequest, String retryAfter, String amzRetryAfter, boolean replayable) {
      return -1;
    }

    @Override
    public int retryWait(Object scope, boolean cancelled) {
      return Bridge.WAIT_OVER;
    }

    @Override
    public void sigV4aRegionSet(String regionSet) {
    }

    @Override
    public void awsErrorResponse(String amzTarget, String queryError, String errorType, byte[] bodyPrefix,
        int length) {
    }

    @Override
    public InputStream awsErrorResponse(String amzTarget, String queryError, String errorType, InputStream body) {
      return body;
    }
  }
}
