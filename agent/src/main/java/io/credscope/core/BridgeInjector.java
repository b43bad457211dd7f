package io.credscope.core;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
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
 * stderr. So on Java 9 and newer the classes are defined one by one through the JDK's internal
 * {@code Unsafe} ({@link UnsafeBridgeDefiner}). Appending stays as the fallback, and is Java 8's way.
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
    // Java 8 has neither modules nor the internal Unsafe, and appending costs it nothing.
    if (!System.getProperty("java.specification.version", "").startsWith("1.")) {
      try {
        UnsafeBridgeDefiner.define(instrumentation, classes);
      } catch (Exception | LinkageError unsafeUnavailable) {
        if (!alreadyInjected()) {
          instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
        }
      }
      UnsafeBridgeDefiner.readableFromJdk(instrumentation, BRIDGE_CLASS);
      return;
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
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
