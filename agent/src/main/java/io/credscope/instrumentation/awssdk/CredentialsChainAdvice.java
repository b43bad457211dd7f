package io.credscope.instrumentation.awssdk;

import io.credscope.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined around the method with which a chain asks its providers in turn, so that the providers'
 * failures can be told as one story: which were tried, in order, and why each had nothing.
 */
public final class CredentialsChainAdvice {

  private CredentialsChainAdvice() {
  }

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void onEnter(@Advice.This Object chain) {
    Bridge.chainEntered(chain);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void onExit(@Advice.This Object chain, @Advice.Thrown Throwable failure) {
    Bridge.chainExited(chain, failure);
  }
}
