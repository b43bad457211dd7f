package io.credscope.instrumentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ClassNameGateTest {

  private static final byte[] ORIGINAL = {1, 2, 3};
  private static final byte[] TRANSFORMED = {4, 5, 6};

  private final List<String> failures = new ArrayList<>();
  private final CompletableFuture<ClassFileTransformer> byteBuddy = new CompletableFuture<>();
  private final ClassNameGate gate =
      new ClassNameGate(Set.of("com.example.Target$Inner"), byteBuddy, (name, cause) -> failures.add(name));

  @Test
  void otherClassesNeverWaitForByteBuddy() throws Exception {
    // Not completed: a gate that consulted Byte Buddy here would block forever.
    assertNull(gate.transform(null, "com/example/Other", null, null, ORIGINAL));
    assertNull(gate.transform(null, null, null, null, ORIGINAL));
    assertFalse(byteBuddy.isDone());
  }

  @Test
  void targetsGoToByteBuddy() throws Exception {
    byteBuddy.complete(new ClassFileTransformer() {
      @Override
      public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
          java.security.ProtectionDomain domain, byte[] bytes) {
        return TRANSFORMED;
      }
    });
    assertArrayEquals(TRANSFORMED, gate.transform(null, "com/example/Target$Inner", null, null, ORIGINAL));
    assertTrue(gate.matches("com.example.Target$Inner"));
  }

  @Test
  void aFailingTransformationLeavesTheClassAlone() throws Exception {
    byteBuddy.completeExceptionally(new IllegalStateException("broken"));
    assertNull(gate.transform(null, "com/example/Target$Inner", null, null, ORIGINAL));
    assertEquals(List.of("com/example/Target$Inner"), failures);
  }
}
