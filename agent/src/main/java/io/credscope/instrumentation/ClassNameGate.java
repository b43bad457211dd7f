package io.credscope.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The transformer the JVM calls for every class it loads. It answers "not mine" with one hash
 * lookup on the class name, and only for the few instrumented types asks Byte Buddy, which is
 * prepared on a background thread at start-up, in parallel with the application's own start.
 */
public final class ClassNameGate implements ClassFileTransformer {

  private final Set<String> internalNames;
  private final Future<ClassFileTransformer> byteBuddy;
  private final TransformFailures failures;

  public ClassNameGate(Set<String> typeNames, Future<ClassFileTransformer> byteBuddy, TransformFailures failures) {
    Set<String> names = new HashSet<String>();
    for (String typeName : typeNames) {
      names.add(typeName.replace('.', '/'));
    }
    this.internalNames = names;
    this.byteBuddy = byteBuddy;
    this.failures = failures;
  }

  /** Whether a loaded class with this binary name is one that credscope transforms. */
  public boolean matches(String typeName) {
    return internalNames.contains(typeName.replace('.', '/'));
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
    if (className == null || !internalNames.contains(className)) {
      return null;
    }
    try {
      ClassFileTransformer transformer = byteBuddy.get();
      return transformer == null
          ? null
          : transformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable t) {
      // An untransformed class beats a broken application.
      failures.failed(className, t);
      return null;
    }
  }

  /** Where a failed transformation is reported. */
  public interface TransformFailures {
    void failed(String className, Throwable cause);
  }
}
