package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code unzip -l credscope-agent.jar} must show, checked on the jar the build made. */
class AgentJarIT {

  private static final List<String> PLAIN_PACKAGES = List.of("io/credscope/launcher/", "io/credscope/bridge/");

  @TempDir
  java.nio.file.Path folder;

  @Test
  void onlyTheLauncherAndTheBridgeAreLoadableClasses() throws IOException {
    List<String> misplaced = new ArrayList<>();
    int privateClasses = 0;
    try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && PLAIN_PACKAGES.stream().noneMatch(name::startsWith)) {
          misplaced.add(name);
        }
        if (name.endsWith(".classdata")) {
          privateClasses++;
          if (!name.startsWith("inst/io/credscope/")) {
            misplaced.add(name);
          }
        }
      }
    }
    assertTrue(misplaced.isEmpty(), "unrelocated or loadable third-party classes: " + misplaced);
    assertTrue(privateClasses > 1000, "the relocated libraries are inside: " + privateClasses);
  }

  @Test
  void everyLibraryIsRelocated() throws IOException {
    List<String> libraries = List.of("net/bytebuddy/", "org/slf4j/", "ch/qos/logback/", "io/micrometer/",
        "com/fasterxml/jackson/", "picocli/", "io/prometheus/", "com/codahale/metrics/", "io/opentelemetry/proto/",
        "com/google/protobuf/");
    try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
      for (String library : libraries) {
        assertTrue(jar.getEntry("inst/io/credscope/shaded/" + library) != null, library + " is relocated");
        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
          assertFalse(entry.getName().startsWith(library) || entry.getName().startsWith("inst/" + library),
              entry.getName());
        }
      }
    }
  }

  /** The injector names the bridge classes instead of listing the jar at start-up. */
  @Test
  void theInjectorNamesEveryBridgeClass() throws Exception {
    List<String> inJar = new ArrayList<>();
    try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        if (entry.getName().startsWith("io/credscope/bridge/") && entry.getName().endsWith(".class")) {
          inJar.add(entry.getName().replace('/', '.').replace(".class", ""));
        }
      }
    }
    java.lang.reflect.Field named = Class.forName("io.credscope.core.BridgeInjector").getDeclaredField("BRIDGE_CLASSES");
    named.setAccessible(true);
    assertEquals(new java.util.TreeSet<>(inJar), new java.util.TreeSet<>((List<?>) named.get(null)));
  }

  @Test
  void manifestDeclaresEveryEntryPoint() throws IOException {
    try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertEquals("io.credscope.launcher.CredscopeAgent", main.getValue("Premain-Class"));
      assertEquals("io.credscope.launcher.CredscopeAgent", main.getValue("Agent-Class"));
      assertEquals("io.credscope.launcher.CredscopeAgent", main.getValue("Main-Class"));
      assertEquals("true", main.getValue("Can-Retransform-Classes"));
    }
  }

  /** Linked against JDK internals, and called only on Java 9 and newer: see UnsafeBridgeDefiner. */
  private static final String JAVA9_ONLY = "inst/io/credscope/core/UnsafeBridgeDefiner.classdata";

  @Test
  void agentClassesAreJava8ClassFiles() throws IOException {
    int checked = 0;
    try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        boolean own = name.startsWith("io/credscope/") && name.endsWith(".class")
            || name.startsWith("inst/io/credscope/") && !name.startsWith("inst/io/credscope/shaded/")
            && name.endsWith(".classdata");
        boolean relocated = name.startsWith("inst/io/credscope/shaded/") && name.endsWith(".classdata");
        if (own || relocated) {
          int major = majorVersion(jar, entry);
          if (name.equals(JAVA9_ONLY)) {
            assertEquals(53, major, name);
          } else if (own) {
            assertEquals(52, major, name);
            checked++;
          } else {
            assertTrue(major <= 52, name + " needs Java " + (major - 44));
          }
        }
      }
    }
    assertTrue(checked > 20, "own classes checked: " + checked);
  }

  @Test
  void commandLineVersionAndHelp() throws Exception {
    ForkedJvm.Result version = ForkedJvm.run(
        List.of(ForkedJvm.defaultJava(), "-jar", ForkedJvm.AGENT_JAR.toString(), "--version"), Map.of(), folder);
    assertEquals(0, version.exitCode(), version.all());
    assertTrue(version.stdout().matches("credscope \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), version.stdout());

    ForkedJvm.Result help = ForkedJvm.run(
        List.of(ForkedJvm.defaultJava(), "-jar", ForkedJvm.AGENT_JAR.toString(), "--help"), Map.of(), folder);
    assertEquals(0, help.exitCode(), help.all());
    assertTrue(help.stdout().contains("  audit=" + System.lineSeparator()), help.stdout());
    assertTrue(help.stdout().contains("  attach  load credscope into a running JVM"), help.stdout());

    ForkedJvm.Result wrong = ForkedJvm.run(
        List.of(ForkedJvm.defaultJava(), "-jar", ForkedJvm.AGENT_JAR.toString(), "nonsense"), Map.of(), folder);
    assertEquals(2, wrong.exitCode(), wrong.all());
  }

  private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
      assertEquals(0xCAFEBABE, data.readInt(), entry.getName());
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }
}
