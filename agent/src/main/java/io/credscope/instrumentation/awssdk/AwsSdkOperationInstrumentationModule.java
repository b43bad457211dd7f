package io.credscope.instrumentation.awssdk;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Both SDKs' synchronous call path, where each call names its operation before any request goes on the wire: the
 * HTTP hooks take that name for the requests the call makes on its thread. The seams have kept their names and
 * parameter types from SDK v2 2.17 and SDK v1 1.11 to the newest releases.
 */
public final class AwsSdkOperationInstrumentationModule implements InstrumentationModule {

  static final String V2_HANDLER = "software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler";
  static final String V1_CLIENT = "com.amazonaws.http.AmazonHttpClient";
  private static final String ADVICE = "io.credscope.instrumentation.awssdk.SdkOperationAdvice";

  @Override
  public String name() {
    return "aws-sdk-operations";
  }

  @Override
  public Set<String> typeNames() {
    return new HashSet<String>(Arrays.asList(V2_HANDLER, V1_CLIENT));
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    return Arrays.asList(
        new AdviceBinding(Collections.singleton(V2_HANDLER), named("execute").and(isPublic())
            .and(takesArgument(0, named("software.amazon.awssdk.core.client.handler.ClientExecutionParams"))), ADVICE),
        new AdviceBinding(Collections.singleton(V1_CLIENT),
            named("execute").and(isPublic()).and(takesArgument(0, named("com.amazonaws.Request"))), ADVICE));
  }
}
