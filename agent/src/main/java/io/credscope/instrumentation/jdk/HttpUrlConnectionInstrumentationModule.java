package io.credscope.instrumentation.jdk;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.credscope.instrumentation.http.HttpInstrumentationModule;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's {@code HttpURLConnection}: both SDKs fetch IMDS and container credentials through it, and SDK v2's
 * {@code url-connection-client} sends every call through it. HTTPS connections delegate to the same class.
 *
 * <p>The seam is where the response is read: {@code getInputStream0()} since JDK 9 (the public
 * {@code getInputStream()} takes a lock and calls it), {@code getInputStream()} itself on JDK 8. Every way to a
 * response goes through it, {@code getResponseCode()} and {@code getHeaderField()} included, and the advice acts
 * only on the call that makes the exchange: the class is loaded at start-up only when the application uses it,
 * and the gate names no other JDK type. The same advice retries a throttled AWS call there.
 */
public final class HttpUrlConnectionInstrumentationModule extends HttpInstrumentationModule {

  /** The JDK's connection class that the seam is in. */
  public static final String CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  public HttpUrlConnectionInstrumentationModule() {
    super("jdk-httpurlconnection", CONNECTION,
        "io.credscope.instrumentation.jdk.HttpUrlConnectionAdvice");
  }

  /**
   * The advice reads and resets these fields; a JDK whose class lacks one is left alone rather than failing to
   * weave.
   */
  @Override
  protected ElementMatcher<? super MethodDescription> seam() {
    ElementMatcher.Junction<MethodDescription> reading = named("getInputStream0").and(takesNoArguments())
        .or(named("getInputStream").and(takesNoArguments())
            .and(isDeclaredBy(not(declaresMethod(named("getInputStream0"))))));
    return reading.and(isDeclaredBy(declaresField(named("inputStream")).and(declaresField(named("errorStream")))
        .and(declaresField(named("rememberedException"))).and(declaresField(named("poster")))
        .and(declaresField(named("strOutputStream"))).and(declaresField(named("userHeaders")))
        .and(declaresField(named("responses")))));
  }
}
