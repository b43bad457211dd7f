package io.credscope.instrumentation.awssdk.v2;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.awssdk.AwsSdkCredentialsInstrumentationModule;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AWS SDK for Java v2: {@code resolveCredentials()} of its providers and its chain, and the seam
 * where a client asks whatever provider it was built with, the application's own included: since
 * 2.21 the default {@code resolveIdentity(...)}; before, a static {@code resolveCredentials(provider,
 * ...)} of the request set-up, in {@code AwsCredentialsAuthorizationStrategy} from 2.17.28x and in
 * {@code AwsExecutionContextBuilder} before that.
 */
public final class AwsSdkV2CredentialsInstrumentationModule extends AwsSdkCredentialsInstrumentationModule {

  private static final String IDENTITY_ADVICE = "io.credscope.instrumentation.awssdk.IdentityProviderAdvice";
  private static final String RESOLVED_ADVICE = "io.credscope.instrumentation.awssdk.ResolvedCredentialsAdvice";
  private static final String FACTORY_ADVICE = "io.credscope.instrumentation.awssdk.StaticProviderFactoryAdvice";
  private static final String STATIC_PROVIDER = "software.amazon.awssdk.auth.credentials.StaticCredentialsProvider";
  private static final String PROVIDER_INTERFACE = "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider";
  private static final Set<String> REQUEST_SET_UP = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
      "software.amazon.awssdk.awscore.internal.authcontext.AwsCredentialsAuthorizationStrategy",
      "software.amazon.awssdk.awscore.internal.AwsExecutionContextBuilder")));

  public AwsSdkV2CredentialsInstrumentationModule() {
    super("aws-sdk-v2-credentials", CredentialChainModel.V2);
  }

  @Override
  protected Set<String> moreTypeNames() {
    Set<String> names = new HashSet<String>(REQUEST_SET_UP);
    names.add(PROVIDER_INTERFACE);
    names.add(STATIC_PROVIDER);
    return names;
  }

  /**
   * From 2.21 the request set-up step takes an {@code IdentityProvider} and calls
   * {@code resolveIdentity}, which is hooked already; matching the older parameter type keeps each
   * resolution counted once.
   */
  @Override
  protected List<AdviceBinding> moreBindings() {
    return Arrays.asList(
        new AdviceBinding(Collections.singleton(PROVIDER_INTERFACE),
            named("resolveIdentity").and(takesArguments(1)).and(not(isAbstract())), IDENTITY_ADVICE),
        new AdviceBinding(REQUEST_SET_UP,
            named("resolveCredentials").and(isStatic()).and(takesArgument(0, named(PROVIDER_INTERFACE))),
            RESOLVED_ADVICE),
        new AdviceBinding(Collections.singleton(STATIC_PROVIDER), named("create").and(isStatic()), FACTORY_ADVICE));
  }
}
