package io.credscope.core;

import io.credscope.bridge.Bridge;
import io.credscope.bridge.Dispatcher;
import io.credscope.http.HttpCallRecorder;
import io.credscope.recorder.CredentialsRecorder;
import java.io.InputStream;

/** What the bridge dispatches to once the agent runs: credentials to one recorder, HTTP exchanges to the other. */
final class AgentDispatcher implements Dispatcher {

  private final CredentialsRecorder credentials;
  private final HttpCallRecorder http;

  AgentDispatcher(CredentialsRecorder credentials, HttpCallRecorder http) {
    this.credentials = credentials;
    this.http = http;
  }

  @Override
  public void credentialsProvided(Object provider, Object resolved) {
    credentials.credentialsProvided(provider, resolved);
  }

  @Override
  public void identityResolved(Object provider, Object resolved) {
    credentials.identityResolved(provider, resolved);
  }

  @Override
  public void executionCredentials(Object executionContext, Object resolved) {
    credentials.executionCredentials(executionContext, resolved);
  }

  @Override
  public void staticProviderBuilt(Object provider) {
    credentials.staticProviderBuilt(provider);
  }

  @Override
  public void credentialsFailed(Object provider, Throwable failure) {
    credentials.credentialsFailed(provider, failure);
  }

  @Override
  public void chainEntered(Object chain) {
    credentials.chainEntered(chain);
  }

  @Override
  public void chainExited(Object chain, Throwable failure) {
    credentials.chainExited(chain, failure);
  }

  @Override
  public boolean httpExchange(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, int status, Throwable failure) {
    return http.exchange(library, method, host, port, target, authorization, imdsToken, status, failure);
  }

  @Override
  public Object httpExchangeSending(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, Object client, Object request, Object bodyHandler) {
    return http.exchangeSending(library, method, host, port, target, authorization, imdsToken, client, request,
        bodyHandler);
  }

  @Override
  public Object httpExchangeStarted(Object exchange, Object pendingResponse) {
    return exchange == null ? pendingResponse : http.exchangeStarted(exchange, pendingResponse);
  }

  @Override
  public Object callStarted() {
    return http.retries().callStarted();
  }

  @Override
  public boolean callAnswered(Object scope, Throwable failure) {
    return scope != null && http.retries().callAnswered(scope, failure);
  }

  @Override
  public long retryDelay(Object scope, String amzTarget, String amzDate, String sdkInvocationId, String sdkRequest,
      String retryAfter, String amzRetryAfter, boolean replayable) {
    return scope == null ? -1 : http.retries().retryDelay(scope, amzTarget, amzDate, sdkInvocationId, sdkRequest,
        retryAfter, amzRetryAfter, replayable);
  }

  @Override
  public int retryWait(Object scope, boolean cancelled) {
    return scope == null ? Bridge.WAIT_OVER : http.retries().retryWait(scope, cancelled);
  }

  @Override
  public Object sdkOperationStarted(Object request) {
    return http.sdkOperationStarted(request);
  }

  @Override
  public void sdkOperationEnded(Object outer) {
    http.sdkOperationEnded(outer instanceof String ? (String) outer : null);
  }

  @Override
  public void sigV4aRegionSet(String regionSet) {
    http.sigV4aRegionSet(regionSet);
  }

  @Override
  public void awsErrorResponse(String amzTarget, String queryError, String errorType, byte[] bodyPrefix,
      int length) {
    http.errorResponse(amzTarget, queryError, errorType, bodyPrefix, length);
  }

  @Override
  public InputStream awsErrorResponse(String amzTarget, String queryError, String errorType, InputStream body) {
    return http.errorResponse(amzTarget, queryError, errorType, body);
  }
}
