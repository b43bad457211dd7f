package io.credscope.instrumentation.jdk;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.instrumentation.http.HttpInstrumentationModule;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code java.net.http.HttpClient} (JDK 11 and newer). {@code send}, and both public {@code sendAsync}s, all call
 * the implementation's private four-argument {@code sendAsync}, from JDK 11 to 25: hooking it sees every request
 * once. Its future completes with the response, or fails, on the client's own threads.
 */
public final class JavaHttpClientInstrumentationModule extends HttpInstrumentationModule {

  public JavaHttpClientInstrumentationModule() {
    super("jdk-httpclient", "jdk.internal.net.http.HttpClientImpl",
        "io.credscope.instrumentation.jdk.JavaHttpClientAdvice");
  }

  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    return named("sendAsync").and(isPrivate()).and(takesArguments(4))
        .and(takesArgument(0, named("java.net.http.HttpRequest")));
  }
}
