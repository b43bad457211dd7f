package io.credscope.core;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.internal.misc.Unsafe;

/**
 * Defines the bridge classes in the bootstrap loader through {@code jdk.internal.misc.Unsafe}, on
 * Java 9 and newer. Compiled apart, for Java 9, against the internal package, and called directly:
 * on JDK 18 and newer every reflective call of a method not called before spins method handles,
 * which cost tens of milliseconds before the application's main. At run time {@code java.base}
 * exports the package to the agent's private module only, just before the first use.
 */
final class UnsafeBridgeDefiner {

  private UnsafeBridgeDefiner() {
  }

  static void define(Instrumentation instrumentation, Map<String, byte[]> classes) {
    Module javaBase = Object.class.getModule();
    instrumentation.redefineModule(javaBase, Collections.emptySet(),
        Collections.singletonMap("jdk.internal.misc", Collections.singleton(UnsafeBridgeDefiner.class.getModule())),
        Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
    defineInPasses(Unsafe.getUnsafe(), classes);
  }

  /**
   * Lets the JDK modules whose classes the HTTP hooks are woven into read the bridge, which lives in the bootstrap
   * loader's unnamed module: without the edge, the first hooked call would fail to link. {@code java.net.http} is
   * there only when the boot layer resolved it.
   */
  static void readableFromJdk(Instrumentation instrumentation, String bridgeClass) {
    Module bridge;
    try {
      bridge = Class.forName(bridgeClass, false, null).getModule();
    } catch (ClassNotFoundException absent) {
      return;
    }
    readable(instrumentation, Object.class.getModule(), bridge);
    Optional<Module> httpClient = ModuleLayer.boot().findModule("java.net.http");
    if (httpClient.isPresent()) {
      readable(instrumentation, httpClient.get(), bridge);
    }
  }

  private static void readable(Instrumentation instrumentation, Module module, Module bridge) {
    instrumentation.redefineModule(module, Collections.singleton(bridge), Collections.emptyMap(),
        Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
  }

  /**
   * A class whose superinterface is not defined yet fails and is retried after the others, so
   * the order of the names does not matter.
   */
  private static void defineInPasses(Unsafe unsafe, Map<String, byte[]> classes) {
    List<String> pending = new ArrayList<>(classes.keySet());
    while (!pending.isEmpty()) {
      List<String> failed = new ArrayList<>();
      LinkageError last = null;
      for (String name : pending) {
        byte[] bytes = classes.get(name);
        try {
          unsafe.defineClass(name, bytes, 0, bytes.length, null, null);
        } catch (NoClassDefFoundError missingSuperType) {
          failed.add(name);
          last = missingSuperType;
        }
      }
      if (failed.size() == pending.size()) {
        throw new IllegalStateException("cannot define the bridge classes " + failed, last);
      }
      pending = failed;
    }
  }
}
