package io.credscope.instrumentation.apachehttpclient.v5;

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
 * Apache HttpClient 5 classic (httpcore5's blocking executor), which SDK v2's {@code apache5-client} uses. The
 * three-argument {@code execute} delegates to the four-argument one, so only the latter is hooked: once per
 * request on the wire. Calls are retried around the classic clients' {@code doExecute}.
 */
public final class ApacheHttpClient5InstrumentationModule extends HttpInstrumentationModule {

  public ApacheHttpClient5InstrumentationModule() {
    super("apache-httpclient-5", "org.apache.hc.core5.http.impl.io.HttpRequestExecutor",
        "io.credscope.instrumentation.apachehttpclient.v5.ApacheHttpClient5Advice",
        new HashSet<String>(Arrays.asList("org.apache.hc.client5.http.impl.classic.InternalHttpClient",
            "org.apache.hc.client5.http.impl.classic.MinimalHttpClient")),
        "io.credscope.instrumentation.apachehttpclient.v5.ApacheHttpClient5CallAdvice");
  }

  /** Every {@code execute} overload of a classic client ends in its {@code doExecute}, once per call. */
  @Override
  protected ElementMatcher<? super MethodDescription> callSeam() {
    return named("doExecute").and(takesArguments(3))
        .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
        .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest")))
        .and(takesArgument(2, named("org.apache.hc.core5.http.protocol.HttpContext")))
        .and(returns(named("org.apache.hc.client5.http.impl.classic.CloseableHttpResponse")));
  }

  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    return named("execute").and(takesArguments(4))
        .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest")))
        .and(takesArgument(1, named("org.apache.hc.core5.http.io.HttpClientConnection")))
        .and(takesArgument(3, named("org.apache.hc.core5.http.protocol.HttpContext")));
  }
}
