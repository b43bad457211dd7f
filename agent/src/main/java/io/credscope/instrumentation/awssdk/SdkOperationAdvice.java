package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined around the method every synchronous SDK call passes once, on the application's thread, with the request
 * that names its operation: SDK v2's {@code BaseSyncClientHandler.execute(ClientExecutionParams, ...)}, SDK v1's
 * {@code AmazonHttpClient.execute(Request, ...)}.
 */
public final class SdkOperationAdvice {

  private SdkOperationAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object onEnter(@Advice.Argument(0) Object request) {
    return Bridge.sdkOperationStarted(request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.Enter Object outer) {
    Bridge.sdkOperationEnded(outer);
  }
}
