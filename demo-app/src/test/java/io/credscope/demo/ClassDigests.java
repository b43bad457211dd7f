package io.credscope.demo;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A test-only agent, loaded into the application next to credscope, that tells what bytecode the JVM runs: each
 * {@code agentmain} re-adds its transformer last in the chain, retransforms every loaded class of the SDKs, the HTTP
 * clients and the JDK's networking, and writes the SHA-256 of the bytes it is handed (what every transformer before
 * it, credscope's included, made of the class) to the file its argument names, marked {@code +bridge} where the
 * bytes call credscope's bridge, with the JVM's thread names.
 */
public final class ClassDigests implements ClassFileTransformer {

  private static final List<String> PACKAGES = List.of("software/amazon/awssdk/", "com/amazonaws/", "java/net/",
      "sun/net/www/", "jdk/internal/net/http/", "org/apache/http/", "org/apache/hc/");
  /** What woven code calls: a class whose constant pool names it is one credscope rewrote. */
  static final String BRIDGE = "io/credscope/bridge/Bridge";
  private static ClassDigests installed;

  private final Map<String, String> digests = new TreeMap<>();

  public static synchronized void agentmain(String output, Instrumentation instrumentation) throws Exception {
    if (installed != null) {
      instrumentation.removeTransformer(installed);
    }
    installed = new ClassDigests();
    instrumentation.addTransformer(installed, true);
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      String name = type.getName().replace('.', '/');
      if (PACKAGES.stream().anyMatch(name::startsWith) && instrumentation.isModifiableClass(type)) {
        classes.add(type);
      }
    }
    instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
    List<String> lines = new ArrayList<>();
    synchronized (installed.digests) {
      installed.digests.forEach((name, digest) -> lines.add("class " + name + " " + digest));
    }
    Thread.getAllStackTraces().keySet().forEach(thread -> lines.add("thread " + thread.getName()));
    Files.write(Path.of(output), lines, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (classBeingRedefined != null && className != null) {
      try {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(classfileBuffer))
            + (new String(classfileBuffer, StandardCharsets.ISO_8859_1).contains(BRIDGE) ? "+bridge" : "");
        synchronized (digests) {
          digests.put(className + "@" + System.identityHashCode(loader), digest);
        }
      } catch (Exception e) {
        // Every JDK has SHA-256.
      }
    }
    return null;
  }

  /** This class as an agent jar of its own, for the attach API to load. */
  static Path jar(Path folder) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Agent-Class", ClassDigests.class.getName());
    manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
    Path jar = folder.resolve("class-digests.jar");
    String entry = ClassDigests.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        var in = ClassDigests.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
