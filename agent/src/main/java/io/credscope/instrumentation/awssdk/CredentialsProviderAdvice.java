package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of a credentials provider's {@code resolveCredentials()} (SDK v2) or
 * {@code getCredentials()} (SDK v1): hands the result, or the failure, over; nothing more.
 */
public final class CredentialsProviderAdvice {

  private CredentialsProviderAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.This Object provider, @Advice.Return Object credentials,
      @Advice.Thrown Throwable failure) {
    if (failure == null) {
      Bridge.credentialsProvided(provider, credentials);
    } else {
      Bridge.credentialsFailed(provider, failure);
    }
  }
}
