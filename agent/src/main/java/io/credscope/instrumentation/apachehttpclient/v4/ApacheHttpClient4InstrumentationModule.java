package io.credscope.instrumentation.apachehttpclient.v4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.instrumentation.http.HttpInstrumentationModule;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Apache HttpClient 4 (httpcore 4.x), which SDK v2's {@code apache-client} and SDK v1 use. Rather than the eight
 * {@code HttpClient.execute} overloads, which call one another, the hook is on {@code HttpRequestExecutor.execute},
 * which every request on the wire passes once, retries and redirects each again, with its final headers (the
 * SDKs sign before it). SDK v1's own executor subclass inherits the method.
 */
public final class ApacheHttpClient4InstrumentationModule extends HttpInstrumentationModule {

  public ApacheHttpClient4InstrumentationModule() {
    super("apache-httpclient-4", "org.apache.http.protocol.HttpRequestExecutor",
        "io.credscope.instrumentation.apachehttpclient.v4.ApacheHttpClient4Advice");
  }

  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    return named("execute").and(takesArguments(3)).and(takesArgument(0, named("org.apache.http.HttpRequest")))
        .and(takesArgument(1, named("org.apache.http.HttpClientConnection")))
        .and(takesArgument(2, named("org.apache.http.protocol.HttpContext")));
  }
}
