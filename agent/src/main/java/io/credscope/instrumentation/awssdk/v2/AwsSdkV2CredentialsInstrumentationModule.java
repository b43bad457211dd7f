package io.credscope.instrumentation.awssdk.v2;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.awssdk.AwsSdkCredentialsInstrumentationModule;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * AWS SDK for Java v2: {@code resolveCredentials()} of its providers and its chain, and, since
 * 2.21, the default {@code resolveIdentity(...)} through which the client asks every provider, the
 * application's own included.
 */
public final class AwsSdkV2CredentialsInstrumentationModule extends AwsSdkCredentialsInstrumentationModule {

  private static final String IDENTITY_ADVICE = "io.credscope.instrumentation.awssdk.IdentityProviderAdvice";
  private static final String PROVIDER_INTERFACE = "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider";

  public AwsSdkV2CredentialsInstrumentationModule() {
    super("aws-sdk-v2-credentials", "software.amazon.awssdk.", CredentialChainModel.V2);
  }

  @Override
  protected Set<String> moreTypeNames() {
    return Collections.singleton(PROVIDER_INTERFACE);
  }

  @Override
  protected List<AdviceBinding> moreBindings() {
    return Collections.singletonList(new AdviceBinding(Collections.singleton(PROVIDER_INTERFACE),
        named("resolveIdentity").and(takesArguments(1)).and(not(isAbstract())), IDENTITY_ADVICE));
  }
}
