package io.credscope.instrumentation.awssdk.v1;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Hooks {@code getCredentials()} of the SDK v1 providers that yield credentials. Like v2's chain,
 * {@code AWSCredentialsProviderChain} may reuse its last provider, so the providers themselves are
 * hooked; the chain is read from the stack.
 */
public final class AwsSdkV1CredentialsInstrumentationModule implements InstrumentationModule {

  private static final String ADVICE = "io.credscope.instrumentation.awssdk.CredentialsProviderAdvice";

  @Override
  public String name() {
    return "aws-sdk-v1-credentials";
  }

  @Override
  public String libraryPackage() {
    return "com.amazonaws.";
  }

  @Override
  public Set<String> typeNames() {
    return CredentialChainModel.V1.declaringClasses();
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    return Collections.singletonList(new AdviceBinding(
        named("getCredentials").and(takesNoArguments()).and(isPublic()).and(not(isAbstract())), ADVICE));
  }
}
