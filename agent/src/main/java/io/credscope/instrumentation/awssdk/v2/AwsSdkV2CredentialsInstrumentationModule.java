package io.credscope.instrumentation.awssdk.v2;

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
 * Hooks {@code resolveCredentials()} of the SDK v2 providers that yield credentials. Not the
 * chain: {@code DefaultCredentialsProvider} remembers its winner and calls it directly from then
 * on, so only the leaf providers see every resolution. The chain is read from the stack instead.
 */
public final class AwsSdkV2CredentialsInstrumentationModule implements InstrumentationModule {

  private static final String ADVICE = "io.credscope.instrumentation.awssdk.CredentialsProviderAdvice";

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
    return CredentialChainModel.V2.declaringClasses();
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    return Collections.singletonList(new AdviceBinding(
        named("resolveCredentials").and(takesNoArguments()).and(isPublic()).and(not(isAbstract())), ADVICE));
  }
}
