package io.credscope.instrumentation.awssdk.v1;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Hooks the SDK v1 providers that yield credentials, and {@code AWSCredentialsProviderChain}, which
 * asks them in turn and, like v2's chain, may reuse its last provider: the providers see every
 * resolution, the chain's hook tells why the providers before the winner had nothing.
 */
public final class AwsSdkV1CredentialsInstrumentationModule implements InstrumentationModule {

  private static final String PROVIDER_ADVICE = "io.credscope.instrumentation.awssdk.CredentialsProviderAdvice";
  private static final String CHAIN_ADVICE = "io.credscope.instrumentation.awssdk.CredentialsChainAdvice";

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
    Set<String> names = new HashSet<String>(CredentialChainModel.V1.declaringClasses());
    names.addAll(CredentialChainModel.V1.iteratingChains());
    return names;
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    ElementMatcher<MethodDescription> method =
        named(CredentialChainModel.V1.providerMethod()).and(takesNoArguments()).and(isPublic()).and(not(isAbstract()));
    return Arrays.asList(
        new AdviceBinding(CredentialChainModel.V1.declaringClasses(), method, PROVIDER_ADVICE),
        new AdviceBinding(CredentialChainModel.V1.iteratingChains(), method, CHAIN_ADVICE));
  }
}
