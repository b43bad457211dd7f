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
  private final List<String> mismatched = new ArrayList<>();
  private final TransformerFactory.SkippedTypes told = new TransformerFactory.SkippedTypes() {
    @Override
    public void skipped(String typeName) {
      skipped.add(typeName);
    }

    @Override
    public void mismatched(String typeName, String adviceClass, String missing) {
      mismatched.add(typeName + " " + adviceClass + ": " + missing);
    }
  };
  private final List<InstrumentationModule> modules = List.of(new AwsSdkV2CredentialsInstrumentationModule());

  /** As on a JVM newer than Byte Buddy knows: one reason, and nothing to transform with. */
  @Test
  void aJvmNewerThanByteBuddyKnowsGetsOneLineAndNoTransformer() throws Exception {
    TransformerFactory factory = new TransformerFactory(modules, getClass().getClassLoader(), reasons::add,
        told, ClassFileVersion.JAVA_V8);
    assertNull(factory.call());
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).matches("Java \\d+ is newer than this build supports \\(up to Java 8\\)"), reasons.get(0));
  }

  @Test
  void aSupportedJvmGetsTheTransformer() throws Exception {
    assertNotNull(new TransformerFactory(modules, getClass().getClassLoader(), reasons::add, told).call());
    assertTrue(reasons.isEmpty());
  }

  /** A type of another library version that lacks the hooked method is left as it is, byte for byte. */
  @Test
  void aTypeWithoutTheHookedMethodIsNotRewritten() throws Exception {
    ClassFileTransformer transformer = new TransformerFactory(List.of(new TestModule()), getClass().getClassLoader(),
        reasons::add, told).call();
    byte[] withMethod = bytesOf(WithMethod.class);
    byte[] woven = transformer.transform(getClass().getClassLoader(), internalName(WithMethod.class), null, null,
        withMethod);
    assertNotNull(woven);
    assertFalse(Arrays.equals(withMethod, woven));
    assertNull(transformer.transform(getClass().getClassLoader(), internalName(WithoutMethod.class), null, null,
        bytesOf(WithoutMethod.class)));
    assertEquals(List.of(WithoutMethod.class.getName()), skipped, "told, for its debug line");
  }

  /**
   * An advice naming a type that the woven class's loader cannot see is left out, and said once for that loader;
   * the type's other advice still goes in, and a loader that sees everything gets both.
   */
  @Test
  void anAdviceThatNamesWhatTheLoaderLacksIsLeftOut() throws Exception {
    ClassFileTransformer transformer = new TransformerFactory(List.of(new LinkingModule()), getClass().getClassLoader(),
        reasons::add, told).call();
    ClassLoader testLoader = getClass().getClassLoader();
    ClassLoader withoutLibrary = new ClassLoader(testLoader) {
      @Override
      public InputStream getResourceAsStream(String name) {
        return name.endsWith("$Library.class") ? null : super.getResourceAsStream(name);
      }

      @Override
      public java.net.URL getResource(String name) {
        return name.endsWith("$Library.class") ? null : super.getResource(name);
      }
    };
    byte[] original = bytesOf(WithMethod.class);
    byte[] both = transformer.transform(testLoader, internalName(WithMethod.class), null, null, original);
    byte[] linkFree = transformer.transform(withoutLibrary, internalName(WithMethod.class), null, null, original);
    byte[] again = transformer.transform(withoutLibrary, internalName(WithMethod.class), null, null, original);
    assertNotNull(both);
    assertNotNull(linkFree, "the advice that needs nothing still goes in");
    assertTrue(both.length > linkFree.length, "one advice fewer");
    assertTrue(Arrays.equals(linkFree, again));
    assertEquals(List.of(WithMethod.class.getName() + " " + LinkingAdvice.class.getName() + ": no type "
        + Library.class.getName()), mismatched, "once for that loader, never for the one that sees it all");
    assertTrue(skipped.isEmpty(), skipped.toString());
  }

  @Test
  void theWarmUpWeaves() {
    ClassLoader loader = getClass().getClassLoader();
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(loader);
    assertTrue(new TransformerFactory(modules, loader, reasons::add, told).warmUp(locator,
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

  /** Stands for a library type that one class loader's version of the library lacks. */
  public static final class Library {
    public static String shout(String value) {
      return value.toUpperCase();
    }
  }

  static final class LinkingAdvice {
    @Advice.OnMethodExit
    static void exit(@Advice.Return(readOnly = false) String value) {
      value = Library.shout(value);
    }
  }

  private static final class LinkingModule implements InstrumentationModule {
    @Override
    public String name() {
      return "linking";
    }

    @Override
    public Set<String> typeNames() {
      return Set.of(WithMethod.class.getName());
    }

    @Override
    public List<AdviceBinding> adviceBindings() {
      return List.of(new AdviceBinding(typeNames(), named("resolveCredentials"), LinkingAdvice.class.getName()),
          new AdviceBinding(typeNames(), named("resolveCredentials"), NoOpAdvice.class.getName()));
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
