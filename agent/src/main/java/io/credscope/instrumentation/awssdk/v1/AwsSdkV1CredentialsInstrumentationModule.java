package io.credscope.instrumentation.awssdk.v1;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.awssdk.AwsSdkCredentialsInstrumentationModule;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** AWS SDK for Java v1: {@code getCredentials()} of its providers and {@code AWSCredentialsProviderChain}. */
public final class AwsSdkV1CredentialsInstrumentationModule extends AwsSdkCredentialsInstrumentationModule {

  public AwsSdkV1CredentialsInstrumentationModule() {
    super("aws-sdk-v1-credentials", "com.amazonaws.", CredentialChainModel.V1);
  }

  @Override
  protected Set<String> moreTypeNames() {
    return Collections.emptySet();
  }

  /** v1 calls an application's own provider directly, with no SDK method around the call to hook. */
  @Override
  protected List<AdviceBinding> moreBindings() {
    return Collections.emptyList();
  }
}
