package io.credscope.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.instrumentation.awssdk.v2.AwsSdkV2CredentialsInstrumentationModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class TransformerFactoryTest {

  private final List<String> reasons = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<InstrumentationModule> modules = List.of(new AwsSdkV2CredentialsInstrumentationModule());

  /** As on a JVM newer than Byte Buddy knows: one reason, and nothing to transform with. */
  @Test
  void aJvmNewerThanByteBuddyKnowsGetsOneLineAndNoTransformer() {
    TransformerFactory factory = new TransformerFactory(modules, getClass().getClassLoader(), reasons::add,
        skipped::add, ClassFileVersion.JAVA_V8);
    assertNull(factory.call());
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).matches("Java \\d+ is newer than this build supports \\(up to Java 8\\)"), reasons.get(0));
  }

  @Test
  void aSupportedJvmGetsTheTransformer() {
    assertNotNull(new TransformerFactory(modules, getClass().getClassLoader(), reasons::add, skipped::add).call());
    assertTrue(reasons.isEmpty());
  }

  /** A type of another library version that lacks the hooked method is left as it is, byte for byte. */
  @Test
  void aTypeWithoutTheHookedMethodIsNotRewritten() throws Exception {
    ClassFileTransformer transformer = new TransformerFactory(List.of(new TestModule()), getClass().getClassLoader(),
        reasons::add, skipped::add).call();
    byte[] withMethod = bytesOf(WithMethod.class);
    byte[] woven = transformer.transform(getClass().getClassLoader(), internalName(WithMethod.class), null, null,
        withMethod);
    assertNotNull(woven);
    assertFalse(Arrays.equals(withMethod, woven));
    assertNull(transformer.transform(getClass().getClassLoader(), internalName(WithoutMethod.class), null, null,
        bytesOf(WithoutMethod.class)));
    assertEquals(List.of(WithoutMethod.class.getName()), skipped, "told, for its debug line");
  }

  @Test
  void theWarmUpWeaves() {
    ClassLoader loader = getClass().getClassLoader();
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(loader);
    assertTrue(new TransformerFactory(modules, loader, reasons::add, skipped::add).warmUp(locator,
        TypePool.Default.WithLazyResolution.of(locator)));
  }

  static final class WithMethod {
    String resolveCredentials() {
      return "keys";
    }
  }

  static final class WithoutMethod {
    String resolveIdentity() {
      return "keys";
    }
  }

  static final class NoOpAdvice {
    @Advice.OnMethodEnter
    static void enter() {
    }
  }

  private static final class TestModule implements InstrumentationModule {
    @Override
    public String name() {
      return "test";
    }

    @Override
    public Set<String> typeNames() {
      return Set.of(WithMethod.class.getName(), WithoutMethod.class.getName());
    }

    @Override
    public List<AdviceBinding> adviceBindings() {
      return List.of(new AdviceBinding(typeNames(), named("resolveCredentials"), NoOpAdvice.class.getName()));
    }
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] bytesOf(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream("/" + internalName(type) + ".class")) {
      return in.readAllBytes();
    }
  }
}
