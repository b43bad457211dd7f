package io.credscope.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.util.List;
import java.util.concurrent.Callable;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

/**
 * Builds the one Byte Buddy transformer for all modules. Advice is inlined and adds no fields or
 * methods, so the same transformer serves classes loaded later and classes retransformed on attach.
 */
public final class TransformerFactory implements Callable<ClassFileTransformer> {

  private final List<InstrumentationModule> modules;
  private final ClassLoader adviceLoader;
  private final ClassNameGate.TransformFailures failures;

  public TransformerFactory(List<InstrumentationModule> modules, ClassLoader adviceLoader,
      ClassNameGate.TransformFailures failures) {
    this.modules = modules;
    this.adviceLoader = adviceLoader;
    this.failures = failures;
  }

  @Override
  public ClassFileTransformer call() {
    // Inlined advice needs no Nexus; building one would reach for sun.misc.Unsafe, which JDK 24+
    // warns about on the application's stderr. The property name is relocated with Byte Buddy, so
    // this switches off the agent's copy only.
    System.setProperty(Nexus.PROPERTY, "true");
    AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
        .with(new AgentBuilder.Listener.Adapter() {
          @Override
          public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
              Throwable throwable) {
            failures.failed(typeName, throwable);
          }
        });
    for (InstrumentationModule module : modules) {
      builder = module.instrument(builder, adviceLoader);
    }
    return builder.makeRaw();
  }

  /** Shared by modules: advice classes are read as class files from the agent loader, never loaded. */
  public static AgentBuilder.Transformer.ForAdvice advice(ClassLoader adviceLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(adviceLoader)
        .withExceptionHandler(net.bytebuddy.asm.Advice.ExceptionHandler.Default.SUPPRESSING);
  }
}
