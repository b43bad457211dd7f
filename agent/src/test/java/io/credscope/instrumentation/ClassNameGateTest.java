package io.credscope.instrumentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClassNameGateTest {

  private static final byte[] ORIGINAL = {1, 2, 3};
  private static final byte[] TRANSFORMED = {4, 5, 6};

  private final List<String> failures = new ArrayList<>();
  private final AtomicInteger preparations = new AtomicInteger();

  private ClassNameGate gate(ClassFileTransformer prepared) {
    FutureTask<ClassFileTransformer> byteBuddy = new FutureTask<>(() -> {
      preparations.incrementAndGet();
      return prepared;
    });
    return new ClassNameGate(Set.of("com.example.lib.Target$Inner"), byteBuddy, byteBuddy,
        (name, cause) -> failures.add(name));
  }

  private static ClassFileTransformer returning(byte[] bytes) {
    return new ClassFileTransformer() {
      @Override
      public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
          byte[] original) {
        return bytes;
      }
    };
  }

  @Test
  void otherClassesAreNotMine() throws Exception {
    ClassNameGate gate = gate(returning(TRANSFORMED));
    assertNull(gate.transform(null, "com/example/app/Main", null, null, ORIGINAL));
    assertNull(gate.transform(null, "com/example/lib/Client", null, null, ORIGINAL));
    assertNull(gate.transform(null, null, null, null, ORIGINAL));
  }

  @Test
  void targetsAreTransformedOncePrepared() throws Exception {
    ClassNameGate gate = gate(returning(TRANSFORMED));
    gate.prepare();
    gate.prepare();
    assertArrayEquals(TRANSFORMED, gate.transform(null, "com/example/lib/Target$Inner", null, null, ORIGINAL));
    assertEquals(1, preparations.get(), "prepared once");
    assertTrue(gate.matches("com.example.lib.Target$Inner"));
    assertFalse(gate.matches("com.example.lib.Client"));
  }

  /** A target loading on another thread before the agent's start got to preparing starts it itself. */
  @Test
  void aTargetBeforeThePreparationStartsIt() throws Exception {
    assertArrayEquals(TRANSFORMED,
        gate(returning(TRANSFORMED)).transform(null, "com/example/lib/Target$Inner", null, null, ORIGINAL));
    assertEquals(1, preparations.get());
  }

  @Test
  void aJvmByteBuddyCannotServeTransformsNothing() throws Exception {
    assertNull(gate(null).transform(null, "com/example/lib/Target$Inner", null, null, ORIGINAL));
    assertTrue(failures.isEmpty());
  }

  @Test
  void aStuckPreparationNeverHoldsTheApplicationLong() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    FutureTask<ClassFileTransformer> stuck = new FutureTask<>(() -> {
      never.await();
      return returning(TRANSFORMED);
    });
    ClassNameGate gate = new ClassNameGate(Set.of("com.example.lib.Target"), stuck, stuck,
        (name, cause) -> failures.add(name), 100);
    assertNull(gate.transform(null, "com/example/lib/Target", null, null, ORIGINAL), "loaded unchanged");
    assertEquals(List.of("com/example/lib/Target"), failures, "and said so");
    never.countDown();
  }

  /** Counts timed waits, so that the test proves "waits once" without timing anything. */
  private static final class NeverReady extends FutureTask<ClassFileTransformer> {
    int timedWaits;

    NeverReady() {
      super(() -> null);
    }

    @Override
    public ClassFileTransformer get(long timeout, TimeUnit unit) throws TimeoutException {
      timedWaits++;
      throw new TimeoutException();
    }

    @Override
    public void run() {
      // Stuck: never finishes.
    }
  }

  @Test
  void afterOneTimeoutLaterClassesDoNotWaitAgain() throws Exception {
    NeverReady stuck = new NeverReady();
    ClassNameGate gate = new ClassNameGate(Set.of("com.example.lib.A", "com.example.lib.B"),
        stuck, stuck, (name, cause) -> failures.add(name), 100);
    assertNull(gate.transform(null, "com/example/lib/A", null, null, ORIGINAL));
    assertNull(gate.transform(null, "com/example/lib/B", null, null, ORIGINAL));
    assertEquals(1, stuck.timedWaits);
    assertEquals(List.of("com/example/lib/A", "com/example/lib/B"), failures, "both left unchanged, and said so");
  }

  @Test
  void aFailingTransformationLeavesTheClassAlone() throws Exception {
    ClassNameGate gate = gate(new ClassFileTransformer() {
      @Override
      public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
          byte[] original) {
        throw new IllegalStateException("broken");
      }
    });
    assertNull(gate.transform(null, "com/example/lib/Target$Inner", null, null, ORIGINAL));
    assertEquals(List.of("com/example/lib/Target$Inner"), failures);
  }

  /** An interrupt that arrives while a class waits for Byte Buddy is the application's: it must still be set after. */
  @Test
  void anInterruptDuringTheWaitStaysWithTheApplicationThread() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    FutureTask<ClassFileTransformer> stuck = new FutureTask<>(() -> {
      never.await();
      return returning(TRANSFORMED);
    });
    ClassNameGate gate = new ClassNameGate(Set.of("com.example.lib.Target"), stuck, stuck,
        (name, cause) -> failures.add(name), 10_000);
    Thread.currentThread().interrupt();
    try {
      assertNull(gate.transform(null, "com/example/lib/Target", null, null, ORIGINAL), "loaded unchanged");
      assertTrue(Thread.currentThread().isInterrupted(), "the application's interrupt is kept");
    } finally {
      Thread.interrupted();
      never.countDown();
    }
    assertEquals(List.of("com/example/lib/Target"), failures);
  }
}
