package io.credscope.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starts a real JVM and captures everything it prints, as bytes decoded as UTF-8. */
final class ForkedJvm {

  static final Path AGENT_JAR = Path.of(System.getProperty("credscope.agent.jar", "target/credscope-agent.jar"));

  /** What every forked application runs with: the SDKs, and Apache HttpClient 4 and 5 with what they need. */
  private static final List<String> LIBRARIES = List.of("/software/amazon/", "/org/slf4j/", "/org/reactivestreams/",
      "/org/apache/httpcomponents/", "/commons-logging/", "/commons-codec/");
  /** OkHttp 4, which the test classes are compiled against, with its Okio and Kotlin. */
  private static final List<String> OKHTTP_4 = List.of("/com/squareup/", "/org/jetbrains/kotlin/");
  /** OkHttp 5 with its Okio and Kotlin, as the build copied them. */
  private static final Path OKHTTP_5 = Path.of(System.getProperty("credscope.it.okhttp5", "target/okhttp5"));

  record Result(int exitCode, String stdout, String stderr, byte[] stderrBytes) {
    String all() {
      return stdout + stderr;
    }
  }

  private ForkedJvm() {
  }

  static String defaultJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The default JDK, and the extra one the build names (Temurin 25 in CI), if any. */
  static List<String> javas() {
    List<String> javas = new ArrayList<>(List.of(defaultJava()));
    String extra = System.getProperty("credscope.it.extraJdk", "");
    if (!extra.isBlank()) {
      Path java = Path.of(extra, "bin", "java");
      if (!Files.isExecutable(java)) {
        throw new IllegalStateException("credscope.it.extraJdk names no JDK: " + extra);
      }
      javas.add(java.toString());
    }
    return javas;
  }

  /** The test classes and the HTTP clients' jars, not the agent's own unshaded classes and libraries. */
  static String applicationClassPath() {
    return String.join(File.pathSeparator, fromTestClassPath(OKHTTP_4));
  }

  /** The same with OkHttp 5 instead of 4, as an application built against OkHttp 4 and run with 5. */
  static String applicationClassPathWithOkHttp5() throws IOException {
    List<String> entries = fromTestClassPath(List.of());
    try (Stream<Path> jars = Files.list(OKHTTP_5)) {
      jars.map(Path::toString).filter(jar -> jar.endsWith(".jar")).sorted().forEach(entries::add);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The test classes, {@link #LIBRARIES} and {@code more}, in the test class path's order. */
  private static List<String> fromTestClassPath(List<String> more) {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith("test-classes")
          || Stream.concat(LIBRARIES.stream(), more.stream()).anyMatch(entry::contains)) {
        entries.add(entry);
      }
    }
    return entries;
  }

  static Result run(List<String> command, Map<String, String> environment, Path workDirectory)
      throws IOException, InterruptedException {
    Path out = workDirectory.resolve("stdout.txt");
    Path err = workDirectory.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CREDSCOPE_") || name.startsWith("AWS_"));
    // The host probe would ask this machine's IMDS, if it has one; the findings must not depend on where tests run.
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    byte[] stderr = Files.readAllBytes(err);
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        new String(stderr, StandardCharsets.UTF_8), stderr);
  }
}
