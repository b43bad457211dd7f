package io.credscope.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.instrumentation.awssdk.v2.AwsSdkV2CredentialsInstrumentationModule;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ClassFileVersion;
import org.junit.jupiter.api.Test;

class TransformerFactoryTest {

  private final List<String> reasons = new ArrayList<>();
  private final List<InstrumentationModule> modules = List.of(new AwsSdkV2CredentialsInstrumentationModule());

  /** As on a JVM newer than Byte Buddy knows: one reason, and nothing to transform with. */
  @Test
  void aJvmNewerThanByteBuddyKnowsGetsOneLineAndNoTransformer() {
    TransformerFactory factory = new TransformerFactory(modules, getClass().getClassLoader(), reasons::add,
        ClassFileVersion.JAVA_V8);
    assertNull(factory.call());
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).matches("Java \\d+ is newer than this build supports \\(up to Java 8\\)"), reasons.get(0));
  }

  @Test
  void aSupportedJvmGetsTheTransformer() {
    assertNotNull(new TransformerFactory(modules, getClass().getClassLoader(), reasons::add).call());
    assertTrue(reasons.isEmpty());
  }
}
