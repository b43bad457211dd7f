package io.credscope.instrumentation.awssdk.v2;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Hooks the SDK v2 providers that yield credentials, and the chain that asks them in turn.
 * {@code DefaultCredentialsProvider}'s chain remembers its winner and calls it directly from then
 * on, so only the providers see every resolution; the chain's own hook is there to tell why each
 * provider before the winner, or every provider of a failed chain, had nothing.
 */
public final class AwsSdkV2CredentialsInstrumentationModule implements InstrumentationModule {

  private static final String PROVIDER_ADVICE = "io.credscope.instrumentation.awssdk.CredentialsProviderAdvice";
  private static final String CHAIN_ADVICE = "io.credscope.instrumentation.awssdk.CredentialsChainAdvice";
  private static final String IDENTITY_ADVICE = "io.credscope.instrumentation.awssdk.IdentityProviderAdvice";
  /** Since 2.21 the client asks every provider through this interface's default resolveIdentity. */
  private static final String PROVIDER_INTERFACE = "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider";

  @Override
  public String name() {
    return "aws-sdk-v2-credentials";
  }

  @Override
  public String libraryPackage() {
    return "software.amazon.awssdk.";
  }

  @Override
  public Set<String> typeNames() {
    Set<String> names = new HashSet<String>(CredentialChainModel.V2.declaringClasses());
    names.addAll(CredentialChainModel.V2.iteratingChains());
    names.add(PROVIDER_INTERFACE);
    return names;
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    ElementMatcher<MethodDescription> method =
        named(CredentialChainModel.V2.providerMethod()).and(takesNoArguments()).and(isPublic()).and(not(isAbstract()));
    return Arrays.asList(
        new AdviceBinding(CredentialChainModel.V2.declaringClasses(), method, PROVIDER_ADVICE),
        new AdviceBinding(CredentialChainModel.V2.iteratingChains(), method, CHAIN_ADVICE),
        new AdviceBinding(Collections.singleton(PROVIDER_INTERFACE),
            named("resolveIdentity").and(takesArguments(1)).and(not(isAbstract())), IDENTITY_ADVICE));
  }
}
