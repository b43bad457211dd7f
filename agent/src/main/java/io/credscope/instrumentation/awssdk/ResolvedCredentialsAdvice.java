package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of SDK v2's static request set-up step that asks the client's provider for
 * credentials, before 2.21 gave every provider {@code resolveIdentity}: the provider is the first
 * argument, the credentials the result.
 */
public final class ResolvedCredentialsAdvice {

  private ResolvedCredentialsAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.Argument(0) Object provider, @Advice.Return Object credentials) {
    if (provider != null) {
      Bridge.identityResolved(provider, credentials);
    }
  }
}
