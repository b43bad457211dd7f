package io.credscope.instrumentation.awssdk.v1;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.awssdk.AwsSdkCredentialsInstrumentationModule;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AWS SDK for Java v1: {@code getCredentials()} of its providers and {@code AWSCredentialsProviderChain},
 * and the request executor's step that asks the client's provider, the application's own included.
 */
public final class AwsSdkV1CredentialsInstrumentationModule extends AwsSdkCredentialsInstrumentationModule {

  public AwsSdkV1CredentialsInstrumentationModule() {
    super("aws-sdk-v1-credentials", CredentialChainModel.V1);
  }

  private static final String REQUEST_EXECUTOR = "com.amazonaws.http.AmazonHttpClient$RequestExecutor";
  private static final String EXECUTION_ADVICE =
      "io.credscope.instrumentation.awssdk.ExecutionContextCredentialsAdvice";

  private static final String CONSTRUCTOR_ADVICE =
      "io.credscope.instrumentation.awssdk.StaticProviderConstructorAdvice";
  private static final Set<String> STATIC_PROVIDERS = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
      "com.amazonaws.auth.AWSStaticCredentialsProvider", "com.amazonaws.internal.StaticCredentialsProvider")));

  @Override
  protected Set<String> moreTypeNames() {
    Set<String> names = new HashSet<String>(STATIC_PROVIDERS);
    names.add(REQUEST_EXECUTOR);
    return names;
  }

  @Override
  protected List<AdviceBinding> moreBindings() {
    return Arrays.asList(
        new AdviceBinding(Collections.singleton(REQUEST_EXECUTOR),
            named("getCredentialsFromContext").and(takesNoArguments()), EXECUTION_ADVICE),
        new AdviceBinding(STATIC_PROVIDERS, isConstructor(), CONSTRUCTOR_ADVICE));
  }
}
