package io.credscope.instrumentation.awssdk;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Hooks one SDK's credentials machinery as its chain model names it: the providers that yield
 * credentials, and the chains that ask them in turn. The chains remember their winner and call it
 * directly from then on, so only the providers see every resolution; the chains' own hook is there
 * to tell why each provider before the winner, or every provider of a failed chain, had nothing.
 */
public abstract class AwsSdkCredentialsInstrumentationModule implements InstrumentationModule {

  private static final String PROVIDER_ADVICE = "io.credscope.instrumentation.awssdk.CredentialsProviderAdvice";
  private static final String CHAIN_ADVICE = "io.credscope.instrumentation.awssdk.CredentialsChainAdvice";

  private final String name;
  private final CredentialChainModel model;

  protected AwsSdkCredentialsInstrumentationModule(String name, CredentialChainModel model) {
    this.name = name;
    this.model = model;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> typeNames() {
    Set<String> names = new HashSet<String>(model.declaringClasses());
    names.addAll(model.iteratingChains());
    names.addAll(moreTypeNames());
    return names;
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    ElementMatcher<MethodDescription> method =
        named(model.providerMethod()).and(takesNoArguments()).and(isPublic()).and(not(isAbstract()));
    List<AdviceBinding> bindings = new ArrayList<AdviceBinding>();
    bindings.add(new AdviceBinding(model.declaringClasses(), method, PROVIDER_ADVICE));
    bindings.add(new AdviceBinding(model.iteratingChains(), method, CHAIN_ADVICE));
    bindings.addAll(moreBindings());
    return bindings;
  }

  /** The types {@link #moreBindings()} transforms, as plain strings: read before the application's main. */
  protected abstract Set<String> moreTypeNames();

  /** What this SDK needs beyond providers and chains; built on the preparation thread only. */
  protected abstract List<AdviceBinding> moreBindings();
}
