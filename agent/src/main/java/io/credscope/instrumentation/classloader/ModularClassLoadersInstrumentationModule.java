package io.credscope.instrumentation.classloader;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The class loaders of module systems that delegate to the bootstrap loader only the packages they are told to:
 * Apache Felix's bundle loader ({@code org.osgi.framework.bootdelegation} is {@code java.*} unless configured) and
 * JBoss Modules' loaders ({@code jboss.modules.system.pkgs}). Advice woven into a library that such a loader
 * defines links against the bridge through that loader, and would not find it. OpenTelemetry's agent weaves every
 * class loader's {@code loadClass} to delegate its bootstrap packages; credscope weaves these named loaders only,
 * matched by name like every other hooked type, and leaves every other setting of the application alone.
 */
public final class ModularClassLoadersInstrumentationModule implements InstrumentationModule {

  /** Felix 4 to 7 keep the name; JBoss Modules' {@code ModuleClassLoader} inherits both methods from it. */
  private static final Set<String> LOADERS = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
      "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader", "org.jboss.modules.ConcurrentClassLoader")));

  @Override
  public String name() {
    return "modular-class-loaders";
  }

  @Override
  public Set<String> typeNames() {
    return LOADERS;
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    return Collections.singletonList(new AdviceBinding(LOADERS,
        named("loadClass").and(takesArguments(String.class).or(takesArguments(String.class, boolean.class))),
        "io.credscope.instrumentation.classloader.BridgeDelegationAdvice"));
  }
}
