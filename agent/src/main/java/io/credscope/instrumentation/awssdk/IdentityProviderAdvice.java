package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of SDK v2's default {@code AwsCredentialsProvider.resolveIdentity(...)}, which
 * wraps {@code resolveCredentials()} in a completed future. Every provider that does not override it
 * passes here, the application's own among them. A future not yet done is left alone: this hook
 * never waits.
 */
public final class IdentityProviderAdvice {

  private IdentityProviderAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.This Object provider, @Advice.Return CompletableFuture<?> identity) {
    if (identity != null && identity.isDone() && !identity.isCompletedExceptionally()) {
      Bridge.identityResolved(provider, identity.getNow(null));
    }
  }
}
