package io.credscope.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeInitializer;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.auxiliary.AuxiliaryType;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves Byte Buddy {@code Advice} into a class file with ASM directly. Byte Buddy's
 * {@code AgentBuilder} would do the same, but it loads twice as many classes and takes more than
 * twice as long to start, which the application pays for on a two-core machine. Inlined advice
 * adds no member, so one transformer serves classes being loaded and classes being retransformed.
 */
final class AdviceTransformer implements ClassFileTransformer {

  private static final AuxiliaryType.NamingStrategy NO_AUXILIARY_TYPES =
      new AuxiliaryType.NamingStrategy.Suffixing("credscope");

  private final Map<String, TypeAdvice> adviceByInternalName;
  private final TransformerFactory.SkippedTypes skippedTypes;

  AdviceTransformer(Map<String, TypeAdvice> adviceByInternalName, TransformerFactory.SkippedTypes skippedTypes) {
    this.adviceByInternalName = adviceByInternalName;
    this.skippedTypes = skippedTypes;
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    TypeAdvice typeAdvice = adviceByInternalName.get(className);
    if (typeAdvice == null) {
      return null;
    }
    String typeName = className.replace('/', '.');
    // The bytes handed in come first: another agent may have changed them already.
    ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(typeName, classfileBuffer),
        loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    TypeDescription type = pool.describe(typeName).resolve();
    // Bindings name types of every supported SDK version; in the others a type may lack the
    // method, and an unchanged class is cheaper to load than a rewritten copy of itself. An advice
    // that names a member this class's library lacks is left out: it would fail on every call.
    List<AsmVisitorWrapper> wrappers = new ArrayList<AsmVisitorWrapper>(typeAdvice.bindings().size());
    boolean shaped = false;
    for (TypeAdvice.Bound bound : typeAdvice.bindings()) {
      if (type.getDeclaredMethods().filter(bound.methods()).isEmpty()) {
        continue;
      }
      shaped = true;
      if (bound.references().missingIn(loader, locator, skippedTypes, typeName) == null) {
        wrappers.add(bound.advice());
      }
    }
    if (!shaped) {
      skippedTypes.skipped(typeName);
    }
    if (wrappers.isEmpty()) {
      return null;
    }
    AsmVisitorWrapper advice = wrappers.size() == 1 ? wrappers.get(0) : new AsmVisitorWrapper.Compound(wrappers);

    int writerFlags = advice.mergeWriter(AsmVisitorWrapper.NO_FLAGS);
    int readerFlags = advice.mergeReader(AsmVisitorWrapper.NO_FLAGS);
    ClassReader reader = new ClassReader(classfileBuffer);
    ClassWriter writer = new ClassWriter(reader, writerFlags);
    ClassFileVersion version = ClassFileVersion.ofClassFile(classfileBuffer);
    Implementation.Context context = Implementation.Context.Disabled.Factory.INSTANCE.make(type,
        NO_AUXILIARY_TYPES, TypeInitializer.None.INSTANCE, version, version);
    ClassVisitor visitor = advice.wrap(type, writer, context, pool, type.getDeclaredFields(),
        type.getDeclaredMethods(), writerFlags, readerFlags);
    reader.accept(visitor, readerFlags);
    return writer.toByteArray();
  }
}
