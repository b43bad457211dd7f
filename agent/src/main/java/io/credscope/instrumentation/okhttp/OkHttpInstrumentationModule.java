package io.credscope.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.instrumentation.http.HttpInstrumentationModule;
import java.util.Collections;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * OkHttp 3, 4 and 5: {@code CallServerInterceptor} is the last interceptor of every chain, the one that writes the
 * request on the wire and reads the response, so it sees the headers as sent (after the application's and the
 * network interceptors) once per attempt. Its name and {@code intercept(Chain)} have stayed put since OkHttp 3, as
 * have {@code RetryAndFollowUpInterceptor}'s, around which calls are retried.
 */
public final class OkHttpInstrumentationModule extends HttpInstrumentationModule {

  public OkHttpInstrumentationModule() {
    super("okhttp", "okhttp3.internal.http.CallServerInterceptor",
        "io.credscope.instrumentation.okhttp.OkHttpAdvice",
        Collections.singleton("okhttp3.internal.http.RetryAndFollowUpInterceptor"),
        "io.credscope.instrumentation.okhttp.OkHttpCallAdvice");
  }

  /** The interceptor below the application's: once per call, synchronous or enqueued. */
  @Override
  protected ElementMatcher<? super MethodDescription> callSeam() {
    return seam();
  }

  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    return named("intercept").and(takesArguments(1)).and(takesArgument(0, named("okhttp3.Interceptor$Chain")));
  }
}
