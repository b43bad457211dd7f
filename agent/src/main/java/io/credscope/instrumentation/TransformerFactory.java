package io.credscope.instrumentation;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Prepares the advice of every module, on a background thread while the application starts.
 * Returns {@code null} on a JVM newer than this Byte Buddy understands: credscope then transforms
 * nothing and says so once.
 */
public final class TransformerFactory implements Callable<ClassFileTransformer> {

  private final List<InstrumentationModule> modules;
  private final ClassLoader adviceLoader;
  private final UnsupportedJvm unsupportedJvm;
  private final SkippedTypes skippedTypes;
  private final ClassFileVersion newestSupported;

  /** Told, once, why this JVM gets no instrumentation. */
  public interface UnsupportedJvm {
    void unsupported(String reason);
  }

  /** Told of each hooked type, or advice, left out because the library loaded is not the shape it expects. */
  public interface SkippedTypes {

    /** None of the type's methods has a seam's shape. */
    void skipped(String typeName);

    /**
     * The advice names a member that the type's class loader lacks, as when a library version has no method that
     * the advice calls: told once per loader.
     */
    void mismatched(String typeName, String adviceClass, String missing);
  }

  public TransformerFactory(List<InstrumentationModule> modules, ClassLoader adviceLoader,
      UnsupportedJvm unsupportedJvm, SkippedTypes skippedTypes) {
    this(modules, adviceLoader, unsupportedJvm, skippedTypes, ClassFileVersion.latest());
  }

  /** @param newestSupported the newest class file version this Byte Buddy can read and write */
  TransformerFactory(List<InstrumentationModule> modules, ClassLoader adviceLoader, UnsupportedJvm unsupportedJvm,
      SkippedTypes skippedTypes, ClassFileVersion newestSupported) {
    this.modules = modules;
    this.adviceLoader = adviceLoader;
    this.unsupportedJvm = unsupportedJvm;
    this.skippedTypes = skippedTypes;
    this.newestSupported = newestSupported;
  }

  @Override
  public ClassFileTransformer call() throws IOException {
    ClassFileVersion running = ClassFileVersion.ofThisVm(ClassFileVersion.JAVA_V8);
    if (running.isGreaterThan(newestSupported)) {
      unsupportedJvm.unsupported("Java " + running.getJavaVersion() + " is newer than this build supports (up to "
          + "Java " + newestSupported.getJavaVersion() + ")");
      return null;
    }
    // Advice classes are read as class files from the agent's loader, never loaded.
    ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(adviceLoader);
    TypePool advicePool = TypePool.Default.WithLazyResolution.of(adviceLocator);
    Map<String, List<TypeAdvice.Bound>> byInternalName = new HashMap<String, List<TypeAdvice.Bound>>();
    for (InstrumentationModule module : modules) {
      for (AdviceBinding binding : module.adviceBindings()) {
        TypeAdvice.Bound bound = new TypeAdvice.Bound(
            Advice.to(advicePool.describe(binding.adviceClass()).resolve(), adviceLocator).on(binding.methods()),
            binding.methods(), references(adviceLocator, binding.adviceClass()));
        for (String typeName : binding.typeNames()) {
          String internalName = typeName.replace('.', '/');
          if (!byInternalName.containsKey(internalName)) {
            byInternalName.put(internalName, new ArrayList<TypeAdvice.Bound>());
          }
          byInternalName.get(internalName).add(bound);
        }
      }
    }
    Map<String, TypeAdvice> byType = new HashMap<String, TypeAdvice>();
    for (Map.Entry<String, List<TypeAdvice.Bound>> entry : byInternalName.entrySet()) {
      byType.put(entry.getKey(), new TypeAdvice(entry.getValue()));
    }
    warmUp(adviceLocator, advicePool);
    return new AdviceTransformer(byType, skippedTypes);
  }

  /** What the advice's code names, read from the class file that {@code Advice} reads too. */
  static AdviceReferences references(ClassFileLocator adviceLocator, String adviceClass) throws IOException {
    return AdviceReferences.read(adviceClass, adviceLocator.locate(adviceClass).resolve());
  }

  /**
   * See {@link WeavingWarmUp}; weaving need not succeed here, only have run.
   *
   * @return whether the warm-up class was woven
   */
  boolean warmUp(ClassFileLocator adviceLocator, TypePool advicePool) {
    try {
      String typeName = WeavingWarmUp.class.getName();
      ElementMatcher.Junction<MethodDescription> method = ElementMatchers.named("provide");
      AsmVisitorWrapper advice = Advice.to(advicePool.describe(WeavingWarmUp.Hooks.class.getName()).resolve(),
          adviceLocator).on(method);
      String internalName = typeName.replace('.', '/');
      TypeAdvice.Bound bound =
          new TypeAdvice.Bound(advice, method, references(adviceLocator, WeavingWarmUp.Hooks.class.getName()));
      return new AdviceTransformer(Collections.singletonMap(internalName,
          new TypeAdvice(Collections.singletonList(bound))), skippedTypes)
          .transform(adviceLoader, internalName, null, null, adviceLocator.locate(typeName).resolve()) != null;
    } catch (Throwable ignored) {
      // The first hooked class then pays for what was not warmed.
      return false;
    }
  }
}
