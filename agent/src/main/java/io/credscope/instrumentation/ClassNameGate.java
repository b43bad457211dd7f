package io.credscope.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transformer the JVM calls for every class it loads. It answers "not mine" with one hash
 * lookup on the class name. Byte Buddy is prepared on a background thread from the agent's start;
 * only the few instrumented types wait for it, and only if they load before it is ready.
 */
public final class ClassNameGate implements ClassFileTransformer {

  private static final long PREPARATION_TIMEOUT_MILLIS = 10000;

  private final Set<String> internalNames;
  private final Future<ClassFileTransformer> byteBuddy;
  private final Runnable preparation;
  private final TransformFailures failures;
  private final AtomicBoolean preparing = new AtomicBoolean();
  private final long preparationTimeoutMillis;
  /** Set when a wait timed out: later classes do not wait again, each would cost the application as much. */
  private volatile boolean gaveUpWaiting;

  /**
   * @param byteBuddy the transformer, once {@code preparation} has made it
   * @param preparation run once, on a thread of its own: makes the transformer, and may go on to
   *     prepare other things after it, which the application's threads never wait for
   */
  public ClassNameGate(Set<String> typeNames, Future<ClassFileTransformer> byteBuddy, Runnable preparation,
      TransformFailures failures) {
    this(typeNames, byteBuddy, preparation, failures, PREPARATION_TIMEOUT_MILLIS);
  }

  ClassNameGate(Set<String> typeNames, Future<ClassFileTransformer> byteBuddy,
      Runnable preparation, TransformFailures failures, long preparationTimeoutMillis) {
    this.preparationTimeoutMillis = preparationTimeoutMillis;
    Set<String> names = new HashSet<String>();
    for (String typeName : typeNames) {
      names.add(typeName.replace('.', '/'));
    }
    this.internalNames = names;
    this.byteBuddy = byteBuddy;
    this.preparation = preparation;
    this.failures = failures;
  }

  /** Starts preparing Byte Buddy on a thread of its own, the first time only. */
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
      if (!internalNames.contains(className)) {
        return null;
      }
      // A hooked class may load on another thread before the agent's start has begun preparing.
      prepare();
      ClassFileTransformer transformer = transformer();
      return transformer == null
          ? null
          : transformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        // The wait for Byte Buddy took the interrupt meant for the application's own code: hand it back.
        Thread.currentThread().interrupt();
      }
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
