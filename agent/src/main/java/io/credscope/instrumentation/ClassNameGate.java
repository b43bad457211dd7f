package io.credscope.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transformer the JVM calls for every class it loads. It answers "not mine" with a prefix
 * check and one hash lookup on the class name. The first class of a hooked library starts
 * preparing Byte Buddy on a background thread, while the library goes on loading; only the few
 * instrumented types wait for it.
 */
public final class ClassNameGate implements ClassFileTransformer {

  private static final long PREPARATION_TIMEOUT_MILLIS = 10000;

  private final Set<String> internalNames;
  private final String[] libraryPrefixes;
  private final Future<ClassFileTransformer> byteBuddy;
  private final Runnable preparation;
  private final TransformFailures failures;
  private final AtomicBoolean preparing = new AtomicBoolean();
  private final long preparationTimeoutMillis;
  /** Set when a wait timed out: later classes do not wait again, each would cost the application as much. */
  private volatile boolean gaveUpWaiting;

  /**
   * @param libraryPackages package prefixes ({@code a.b.}) whose first loaded class starts preparation
   * @param byteBuddy the transformer, once {@code preparation} has made it
   * @param preparation run once, on a thread of its own: makes the transformer, and may go on to
   *     prepare other things after it, which the application's threads never wait for
   */
  public ClassNameGate(Set<String> typeNames, Set<String> libraryPackages, Future<ClassFileTransformer> byteBuddy,
      Runnable preparation, TransformFailures failures) {
    this(typeNames, libraryPackages, byteBuddy, preparation, failures, PREPARATION_TIMEOUT_MILLIS);
  }

  ClassNameGate(Set<String> typeNames, Set<String> libraryPackages, Future<ClassFileTransformer> byteBuddy,
      Runnable preparation, TransformFailures failures, long preparationTimeoutMillis) {
    this.preparationTimeoutMillis = preparationTimeoutMillis;
    Set<String> names = new HashSet<String>();
    for (String typeName : typeNames) {
      names.add(typeName.replace('.', '/'));
    }
    this.internalNames = names;
    List<String> prefixes = new ArrayList<String>();
    for (String libraryPackage : libraryPackages) {
      prefixes.add(libraryPackage.replace('.', '/'));
    }
    this.libraryPrefixes = prefixes.toArray(new String[0]);
    this.byteBuddy = byteBuddy;
    this.preparation = preparation;
    this.failures = failures;
  }

  /** Starts preparing Byte Buddy now, if nothing has yet: on attach, the libraries are loaded already. */
  public void prepare() {
    if (preparing.compareAndSet(false, true)) {
      Thread thread = new Thread(preparation, "credscope-init");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Whether a loaded class with this binary name is one that credscope transforms. */
  public boolean matches(String typeName) {
    return internalNames.contains(typeName.replace('.', '/'));
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
    if (className == null) {
      return null;
    }
    try {
      if (!preparing.get()) {
        for (String prefix : libraryPrefixes) {
          if (className.startsWith(prefix)) {
            prepare();
            break;
          }
        }
      }
      if (!internalNames.contains(className)) {
        return null;
      }
      ClassFileTransformer transformer = transformer();
      return transformer == null
          ? null
          : transformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable t) {
      // An untransformed class beats a broken application.
      failures.failed(className, t);
      return null;
    }
  }

  /**
   * Waits for Byte Buddy, boundedly: an application thread must never hang on credscope, even if
   * the preparation thread were stuck behind a lock that this very thread holds. After one timeout,
   * only a finished preparation is used.
   */
  private ClassFileTransformer transformer() throws Exception {
    if (gaveUpWaiting && !byteBuddy.isDone()) {
      throw new TimeoutException("Byte Buddy was not ready in " + preparationTimeoutMillis + " ms");
    }
    try {
      return byteBuddy.get(preparationTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      gaveUpWaiting = true;
      throw e;
    }
  }

  /** Where a failed transformation is reported. */
  public interface TransformFailures {
    void failed(String className, Throwable cause);
  }
}
