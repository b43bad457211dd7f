package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.credscope.it.apps.BundleCallsActivator;
import io.credscope.it.apps.FelixHostApp;
import io.credscope.it.apps.LinkageApp;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Module systems whose class loaders see only the packages they are told to: a real Apache Felix framework, as an
 * application embeds it, with its default boot delegation ({@code java.*}), runs a bundle that carries OkHttp 3.14
 * on its own {@code Bundle-ClassPath}; JBoss Modules, with no {@code jboss.modules.system.pkgs}, runs a module whose
 * resources are the application and OkHttp 3.14. Either way OkHttp's classes are the module system's loader's, and
 * the advice woven into them links against the bridge through that loader. With the {@code modular-class-loaders}
 * hook off, as before it existed, that link fails on every call and nothing is recorded; with it, each call is an
 * AWS call, and the application reads the same answers either way.
 */
class ModularLoadersIT {

  private static final String KEY_ID = "AKIAOSGIBUNDLEEXAMPL";
  private static final int CALLS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path OKHTTP_3 = Path.of(System.getProperty("credscope.it.okhttp3", "target/okhttp3"));
  private static final String FELIX = "felix";
  private static final String JBOSS_MODULES = "jboss-modules";
  private static final String MODULE = "io.credscope.it.calls";

  @TempDir
  Path folder;
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.answering("{\"Item\":{}}");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  static Stream<Arguments> hosts() {
    List<Arguments> cases = new ArrayList<>();
    for (String java : ForkedJvm.javas()) {
      cases.add(Arguments.of(FELIX, java));
      cases.add(Arguments.of(JBOSS_MODULES, java));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("hosts")
  void okHttpCallsInAModuleAreRecordedAndItRunsAsWithoutTheAgent(String host, String java) throws Exception {
    ForkedJvm.Result without = run(java, host, null);
    assertEquals(0, without.exitCode(), without.all());
    assertEquals(Collections.nCopies(CALLS, answer(host)), without.stdout().lines().collect(Collectors.toList()),
        without.all());

    Path audit = folder.resolve("modules.jsonl");
    ForkedJvm.Result with = run(java, host, "audit=" + audit + ",log=debug");
    assertEquals(0, with.exitCode(), with.all());
    assertEquals(without.stdout(), with.stdout());
    List<JsonNode> calls = events(audit, "aws.call");
    assertEquals(1, calls.size(), with.all());
    assertEquals("okhttp dynamodb eu-west-1", calls.get(0).get("library").asText() + " "
        + calls.get(0).get("service").asText() + " " + calls.get(0).get("region").asText());
    assertEquals(CALLS, callsCounted(audit), "every call, in the summary");
    assertEquals(List.of(), bridgeLinkErrors(), "the bundle's loader reached the bridge");
    assertFalse(with.stderr().contains("left okhttp3"), with.stderr());
  }

  /** What the hook fixes, so that this test can fail: without it, the module's loader never finds the bridge. */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("hosts")
  void withoutTheHookAModuleCannotReachTheBridge(String host, String java) throws Exception {
    Path audit = folder.resolve("off.jsonl");
    ForkedJvm.Result off = run(java, host, "audit=" + audit + ",disable=modular-class-loaders");
    assertEquals(0, off.exitCode(), off.all());
    assertEquals(Collections.nCopies(CALLS, answer(host)), off.stdout().lines().collect(Collectors.toList()),
        off.all());
    assertEquals(List.of(), events(audit, "aws.call"));
    assertTrue(bridgeLinkErrors().size() >= CALLS, "each call failed to link: " + bridgeLinkErrors());
  }

  private static String answer(String host) {
    return host.equals(FELIX) ? "bundle okhttp 200 11" : "okhttp 200 11";
  }

  private ForkedJvm.Result run(String java, String host, String agentArguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    if (agentArguments != null) {
      command.add("-javaagent:" + ForkedJvm.AGENT_JAR + "=" + agentArguments);
      command.add("-Xlog:exceptions=info:file=" + folder.resolve("exceptions.log"));
    }
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    if (host.equals(FELIX)) {
      command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath()), FelixHostApp.class.getName(),
          bundle().toString(), base, KEY_ID, String.valueOf(CALLS)));
    } else {
      command.addAll(List.of("-jar", only(OKHTTP_3, "jboss-modules-").toString(), "-mp", modules().toString(),
          MODULE, "okhttp", base, KEY_ID, String.valueOf(CALLS)));
    }
    return ForkedJvm.run(command, Map.of(), folder);
  }

  /** A module repository with one module: the application's classes, and OkHttp 3.14 with its Okio, as jars. */
  private Path modules() throws Exception {
    Path repository = folder.resolve("modules");
    Path module = repository.resolve(MODULE.replace('.', '/')).resolve("main");
    Files.createDirectories(module);
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(module.resolve("app.jar")))) {
      for (Class<?> type : List.of(LinkageApp.class, Class.forName(LinkageApp.class.getName() + "$OkHttpCalls"))) {
        String name = type.getName().replace('.', '/') + ".class";
        try (var in = ModularLoadersIT.class.getClassLoader().getResourceAsStream(name)) {
          add(jar, name, in.readAllBytes());
        }
      }
    }
    Files.copy(only(OKHTTP_3, "okhttp-3.14.9.jar"), module.resolve("okhttp.jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(only(OKHTTP_3, "okio-"), module.resolve("okio.jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(module.resolve("module.xml"), "<module xmlns=\"urn:jboss:module:1.9\" name=\"" + MODULE
        + "\">\n  <main-class name=\"" + LinkageApp.class.getName() + "\"/>\n  <resources>\n"
        + "    <resource-root path=\"app.jar\"/>\n    <resource-root path=\"okhttp.jar\"/>\n"
        + "    <resource-root path=\"okio.jar\"/>\n  </resources>\n  <dependencies>\n"
        + "    <module name=\"java.base\"/>\n    <module name=\"java.logging\"/>\n  </dependencies>\n</module>\n",
        StandardCharsets.UTF_8);
    return repository;
  }

  /** The host: the test classes and Felix, nothing of OkHttp, which only the bundle has. */
  private static List<String> classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith("test-classes") || entry.contains("org.apache.felix.framework")) {
        entries.add(entry);
      }
    }
    assertEquals(2, entries.size(), entries.toString());
    return entries;
  }

  /** The activator, and OkHttp 3.14 with its Okio as jars inside the bundle, on its Bundle-ClassPath. */
  private Path bundle() throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", "io.credscope.it.okhttp-calls");
    main.putValue("Bundle-Version", "1.0.0");
    main.putValue("Bundle-Activator", BundleCallsActivator.class.getName());
    main.putValue("Bundle-ClassPath", ".,okhttp.jar,okio.jar");
    main.putValue("Import-Package", "org.osgi.framework");
    // The JDK's javax packages that OkHttp uses, as the system bundle exports them; never credscope's.
    main.putValue("DynamicImport-Package", "*");
    Path bundle = folder.resolve("okhttp-calls.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(bundle), manifest)) {
      String activator = BundleCallsActivator.class.getName().replace('.', '/') + ".class";
      try (var in = ModularLoadersIT.class.getClassLoader().getResourceAsStream(activator)) {
        add(jar, activator, in.readAllBytes());
      }
      add(jar, "okhttp.jar", Files.readAllBytes(only(OKHTTP_3, "okhttp-3.14.9.jar")));
      add(jar, "okio.jar", Files.readAllBytes(only(OKHTTP_3, "okio-")));
    }
    return bundle;
  }

  private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    jar.write(bytes);
    jar.closeEntry();
  }

  private static Path only(Path folder, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(file -> file.getFileName().toString().startsWith(prefix))
          .collect(Collectors.toList());
      assertEquals(1, found.size(), prefix + " in " + folder + ": " + found);
      return found.get(0);
    }
  }

  private List<String> bridgeLinkErrors() throws IOException {
    return Files.readAllLines(folder.resolve("exceptions.log"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains("NoClassDefFoundError") && line.contains("io/credscope/bridge"))
        .collect(Collectors.toList());
  }

  private static int callsCounted(Path audit) throws IOException {
    int counted = 0;
    for (JsonNode row : events(audit, "summary").get(0).get("calls")) {
      counted += row.get("count").asInt();
    }
    return counted;
  }

  private static List<JsonNode> events(Path audit, String event) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    if (!Files.exists(audit)) {
      return records; // Nothing recorded, not even a summary.
    }
    for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
      JsonNode record = JSON.readTree(line);
      if (record.get("event").asText().equals(event)) {
        records.add(record);
      }
    }
    return records;
  }
}
