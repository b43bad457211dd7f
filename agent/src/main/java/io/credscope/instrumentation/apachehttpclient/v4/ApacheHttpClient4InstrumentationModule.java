package io.credscope.instrumentation.apachehttpclient.v4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.instrumentation.http.HttpInstrumentationModule;
import java.util.Arrays;
import java.util.HashSet;
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
        "io.credscope.instrumentation.apachehttpclient.v4.ApacheHttpClient4Advice",
        new HashSet<String>(Arrays.asList("org.apache.http.impl.client.InternalHttpClient",
            "org.apache.http.impl.client.MinimalHttpClient", "org.apache.http.impl.client.AbstractHttpClient")),
        "io.credscope.instrumentation.apachehttpclient.v4.ApacheHttpClient4CallAdvice");
  }

  /** Every {@code execute} overload of a client ends in its {@code doExecute}, once per call. */
  @Override
  protected ElementMatcher<? super MethodDescription> callSeam() {
    return named("doExecute").and(takesArguments(3)).and(takesArgument(0, named("org.apache.http.HttpHost")))
        .and(takesArgument(1, named("org.apache.http.HttpRequest")))
        .and(takesArgument(2, named("org.apache.http.protocol.HttpContext")))
        .and(returns(named("org.apache.http.client.methods.CloseableHttpResponse")));
  }

  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    return named("execute").and(takesArguments(3)).and(takesArgument(0, named("org.apache.http.HttpRequest")))
        .and(takesArgument(1, named("org.apache.http.HttpClientConnection")))
        .and(takesArgument(2, named("org.apache.http.protocol.HttpContext")));
  }
}
