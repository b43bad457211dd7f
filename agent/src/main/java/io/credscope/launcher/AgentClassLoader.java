package io.credscope.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent core and its relocated libraries from the {@code inst/} folder of the agent jar,
 * where they are stored as {@code .classdata}. No other class loader can find them there, so the
 * application never sees the agent's Byte Buddy, Logback, Micrometer or Jackson, and the agent
 * never sees the application's.
 */
final class AgentClassLoader extends ClassLoader implements Supplier<Object[]> {

  static final String PRIVATE_FOLDER = "inst/";
  private static final String CLASS_DATA = "data";
  private static final String BRIDGE_PACKAGE = "io.credscope.bridge.";

  static {
    registerAsParallelCapable();
  }

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;
  private volatile Object[] launchArguments;

  AgentClassLoader(File agentJar) throws IOException {
    super(platformClassLoader());
    this.jar = new JarFile(agentJar, false);
    URL url = agentJar.toURI().toURL();
    this.jarUrl = url.toExternalForm();
    this.protectionDomain = new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null, this, null);
  }

  /** The jar's {@code Implementation-Version}, from the jar this loader already has open. */
  String implementationVersion() {
    try {
      String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
      return version == null ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Hands arguments to the core's startup class, which can see JDK types only. */
  void launchWith(Object... arguments) {
    launchArguments = arguments;
  }

  /** The launch arguments, once: the core reads them as a JDK {@code Supplier}. */
  @Override
  public Object[] get() {
    Object[] arguments = launchArguments;
    launchArguments = null;
    return arguments;
  }

  /**
   * The top of the system loader's parent chain: the platform loader on Java 9+ (so that modules
   * such as java.net.http and java.sql stay visible), the extension loader on Java 8. Never the
   * application's loader, even under a custom {@code java.system.class.loader}. Found without
   * reflection, which on Java 18+ spins method handles before the application's main.
   */
  private static ClassLoader platformClassLoader() {
    ClassLoader top = ClassLoader.getSystemClassLoader();
    while (top.getParent() != null) {
      top = top.getParent();
    }
    return top;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/');
    JarEntry entry = jar.getJarEntry(PRIVATE_FOLDER + path + ".class" + CLASS_DATA);
    if (entry == null && name.startsWith(BRIDGE_PACKAGE)) {
      // Only in CLI mode, where nothing put the bridge into the bootstrap loader.
      entry = jar.getJarEntry(path + ".class");
    }
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try {
      bytes = read(entry);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  @SuppressWarnings("deprecation") // getDefinedPackage is Java 9+.
  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot <= 0) {
      return;
    }
    String packageName = className.substring(0, dot);
    if (getPackage(packageName) == null) {
      try {
        definePackage(packageName, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException definedConcurrently) {
        // Another thread defined it first, which is all this wanted.
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    JarEntry entry = privateEntry(name);
    if (entry == null) {
      return null;
    }
    try {
      return new URL("jar:" + jarUrl + "!/" + entry.getName());
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
  }

  /** Reads straight from the open jar: Byte Buddy reads advice class files through here. */
  @Override
  public InputStream getResourceAsStream(String name) {
    JarEntry entry = privateEntry(name);
    if (entry != null) {
      try {
        return jar.getInputStream(entry);
      } catch (IOException e) {
        return null;
      }
    }
    return super.getResourceAsStream(name);
  }

  /** The bridge's plain entries are served too: the core reads them to define them in the bootstrap loader. */
  private JarEntry privateEntry(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    JarEntry entry = jar.getJarEntry(PRIVATE_FOLDER + (path.endsWith(".class") ? path + CLASS_DATA : path));
    if (entry == null && path.startsWith("io/credscope/bridge/")) {
      entry = jar.getJarEntry(path);
    }
    return entry;
  }

  private byte[] read(JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(entry.getSize() > 0 ? (int) entry.getSize() : 4096);
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
