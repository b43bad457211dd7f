package io.credscope.core;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Defines the bridge classes in the bootstrap class loader, where advice in every class loader,
 * the JDK's included, can link against them.
 *
 * <p>Appending the jar to the bootstrap search path would do the same, but it makes HotSpot drop
 * class data sharing for every non-bootstrap class and print a warning on the application's
 * stderr. So the classes are defined one by one through the JDK's internal {@code Unsafe}, which
 * {@code java.base} exports for this purpose to the agent's private module only, never to the
 * application. Appending stays as the fallback.
 */
final class BridgeInjector {

  static final String BRIDGE_CLASS = "io.credscope.bridge.Bridge";
  /**
   * Every class of the bridge, named rather than found by listing the jar's thousands of entries
   * before the application's main. AgentJarIT checks that the jar holds exactly these.
   */
  static final List<String> BRIDGE_CLASSES = Collections.unmodifiableList(java.util.Arrays.asList(
      "io.credscope.bridge.Dispatcher", "io.credscope.bridge.Dispatcher$NoOp", BRIDGE_CLASS));

  private BridgeInjector() {
  }

  /** Whether an earlier start already put the bridge into the bootstrap loader. */
  static boolean alreadyInjected() {
    try {
      Class.forName(BRIDGE_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  static void inject(Instrumentation instrumentation, File agentJar) throws Exception {
    Map<String, byte[]> classes = bridgeClasses(agentJar);
    try {
      defineAll(classes, unsafeDefiner(instrumentation));
    } catch (Exception | LinkageError unsafeUnavailable) {
      if (!alreadyInjected()) {
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
      }
    }
  }

  /** Read through the agent's own loader, which has the jar open already: opening it again costs milliseconds. */
  private static Map<String, byte[]> bridgeClasses(File agentJar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<String, byte[]>();
    ClassLoader agentLoader = BridgeInjector.class.getClassLoader();
    for (String name : BRIDGE_CLASSES) {
      InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class");
      if (in == null) {
        throw new IOException("no bridge class " + name + " in " + agentJar);
      }
      classes.put(name, read(in));
    }
    return classes;
  }

  /**
   * Defines in passes: a class whose superinterface is not defined yet fails and is retried
   * after the others, so the jar's entry order does not matter.
   */
  private static void defineAll(Map<String, byte[]> classes, Method define) throws Exception {
    Object unsafe = define.getDeclaringClass().getMethod("getUnsafe").invoke(null);
    List<String> pending = new ArrayList<String>(classes.keySet());
    while (!pending.isEmpty()) {
      List<String> failed = new ArrayList<String>();
      Throwable last = null;
      for (String name : pending) {
        byte[] bytes = classes.get(name);
        try {
          define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
        } catch (java.lang.reflect.InvocationTargetException e) {
          failed.add(name);
          last = e.getCause();
        }
      }
      if (failed.size() == pending.size()) {
        throw new IllegalStateException("cannot define the bridge classes " + failed, last);
      }
      pending = failed;
    }
  }

  /**
   * {@code jdk.internal.misc.Unsafe.defineClass}, after {@code java.base} exports its package to
   * this class's module. Java 8 has no such class and no module system, and appending the jar
   * costs it nothing: the caller falls back to that.
   */
  private static Method unsafeDefiner(Instrumentation instrumentation) throws Exception {
    Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
    exportToAgent(instrumentation, unsafe, "jdk.internal.misc");
    return unsafe.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
        ClassLoader.class, java.security.ProtectionDomain.class);
  }

  private static void exportToAgent(Instrumentation instrumentation, Class<?> inPackage, String packageName)
      throws Exception {
    Method getModule = Class.class.getMethod("getModule");
    Object javaBase = getModule.invoke(inPackage);
    Object agentModule = getModule.invoke(BridgeInjector.class);
    Class<?> moduleType = Class.forName("java.lang.Module");
    Method redefineModule = Instrumentation.class.getMethod("redefineModule", moduleType, java.util.Set.class,
        Map.class, Map.class, java.util.Set.class, Map.class);
    redefineModule.invoke(instrumentation, javaBase, Collections.emptySet(),
        Collections.singletonMap(packageName, Collections.singleton(agentModule)),
        Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
  }

  private static byte[] read(InputStream stream) throws IOException {
    try (InputStream in = stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
