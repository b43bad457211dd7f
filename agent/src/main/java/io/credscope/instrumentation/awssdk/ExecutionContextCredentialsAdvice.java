package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of SDK v1's {@code AmazonHttpClient.RequestExecutor.getCredentialsFromContext()},
 * where every request attempt asks the client's provider, the application's own included.
 */
public final class ExecutionContextCredentialsAdvice {

  private ExecutionContextCredentialsAdvice() {
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onExit(@Advice.FieldValue("executionContext") Object executionContext,
      @Advice.Return Object credentials) {
    if (executionContext != null && credentials != null) {
      Bridge.executionCredentials(executionContext, credentials);
    }
  }
}
