package io.credscope.attach;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The JDK's attach API ({@code com.sun.tools.attach}), by reflection: it is in the {@code jdk.attach} module, or in
 * Java 8's {@code tools.jar}, neither of which the agent, built for Java 8, can link against; and a runtime without
 * it must get one clear line, not a {@code NoClassDefFoundError}.
 */
final class AttachApi {

  private static final String VIRTUAL_MACHINE = "com.sun.tools.attach.VirtualMachine";

  private final Class<?> virtualMachine;
  private final ClassLoader loader;

  private AttachApi(Class<?> virtualMachine) {
    this.virtualMachine = virtualMachine;
    this.loader = virtualMachine.getClassLoader();
  }

  static AttachApi load() throws AttachFailure {
    ClassLoader system = ClassLoader.getSystemClassLoader();
    try {
      return new AttachApi(Class.forName(VIRTUAL_MACHINE, true, system));
    } catch (ClassNotFoundException | LinkageError notInModules) {
      File toolsJar = new File(System.getProperty("java.home"), "../lib/tools.jar");
      if (toolsJar.isFile()) {
        try {
          return new AttachApi(Class.forName(VIRTUAL_MACHINE, true,
              new URLClassLoader(new URL[] {toolsJar.toURI().toURL()}, system)));
        } catch (Exception | LinkageError unusable) {
          // Reported below as no attach API.
        }
      }
      throw new AttachFailure(AttachFailure.Cause.NO_ATTACH_API, "this Java runtime (" + System.getProperty("java.home")
          + ") has no jdk.attach module, so it cannot attach to other JVMs; run credscope with a full JDK's java");
    }
  }

  /** A JVM the attach API lists: its PID and what it was started with. */
  static final class Listed {
    final String pid;
    final String displayName;

    Listed(String pid, String displayName) {
      this.pid = pid;
      this.displayName = displayName;
    }
  }

  List<Listed> list() throws AttachFailure {
    Class<?> descriptorType;
    try {
      descriptorType = Class.forName("com.sun.tools.attach.VirtualMachineDescriptor", false, loader);
    } catch (ClassNotFoundException e) {
      throw new AttachFailure(AttachFailure.Cause.NO_ATTACH_API, "this Java runtime's attach API is incomplete: " + e);
    }
    List<Listed> listed = new ArrayList<Listed>();
    for (Object descriptor : (List<?>) call(null, method(virtualMachine, "list"))) {
      listed.add(new Listed((String) call(descriptor, method(descriptorType, "id")),
          (String) call(descriptor, method(descriptorType, "displayName"))));
    }
    return listed;
  }

  /** @throws Exception what the attach API threw, unwrapped: {@code AttachNotSupportedException} or an I/O error */
  Object attach(String pid) throws Exception {
    try {
      return method(virtualMachine, "attach", String.class).invoke(null, pid);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  Properties systemProperties(Object vm) throws Exception {
    return (Properties) invoke(vm, "getSystemProperties");
  }

  void loadAgent(Object vm, String jar, String arguments) throws Exception {
    invoke(vm, "loadAgent", jar, arguments);
  }

  /** The address of the target's local JMX connector, started by this call unless it runs already. */
  String startLocalManagementAgent(Object vm) throws Exception {
    return (String) invoke(vm, "startLocalManagementAgent");
  }

  void detach(Object vm) {
    try {
      invoke(vm, "detach");
    } catch (Exception ignored) {
      // The connection is gone either way.
    }
  }

  /**
   * Runs a diagnostic command (as {@code jcmd} does) in the target, through HotSpot's own class of the API.
   *
   * @return its output, or {@code null} when this JVM's attach API cannot: not HotSpot's, or its package not
   *     exported to credscope (the jar's manifest exports it to {@code java -jar})
   */
  String jcmd(Object vm, String command) {
    try {
      Class<?> hotSpot = Class.forName("sun.tools.attach.HotSpotVirtualMachine", false, loader);
      if (!hotSpot.isInstance(vm)) {
        return null;
      }
      java.io.InputStream output = (java.io.InputStream) hotSpot.getMethod("executeJCmd", String.class)
          .invoke(vm, command);
      try {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = output.read(buffer)) != -1) {
          bytes.write(buffer, 0, n);
        }
        return new String(bytes.toByteArray(), "UTF-8");
      } finally {
        output.close();
      }
    } catch (Exception | LinkageError unavailable) {
      return null;
    }
  }

  private Object invoke(Object vm, String name, Object... arguments) throws Exception {
    Class<?>[] types = new Class<?>[arguments.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = String.class;
    }
    try {
      return method(virtualMachine, name, types).invoke(vm, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) throws AttachFailure {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new AttachFailure(AttachFailure.Cause.NO_ATTACH_API, "this Java runtime's attach API has no " + name);
    }
  }

  private static Object call(Object target, Method method) throws AttachFailure {
    try {
      return method.invoke(target);
    } catch (Exception e) {
      throw new AttachFailure(AttachFailure.Cause.FAILED, "the attach API failed: " + e);
    }
  }
}
