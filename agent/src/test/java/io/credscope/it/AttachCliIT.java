package io.credscope.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.it.apps.AttachTargetApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's attach verbs against a small application: each way an attach can fail gets one line naming its cause,
 * and an exit code of its own; a JVM started with {@code -javaagent} answers status and detach too; and
 * {@code --for} detaches on its own.
 */
class AttachCliIT {

  @TempDir
  Path folder;

  record Cli(int exitCode, String stdout, String stderr) {
  }

  @Test
  void aPidNoProcessHas() throws Exception {
    Cli attach = cli(List.of(), ForkedJvm.AGENT_JAR, "attach", "2147483646");
    assertEquals(7, attach.exitCode(), attach.stderr());
    assertEquals("credscope attach: no process has PID 2147483646\n", attach.stderr());
  }

  /** The attach API would signal the process to start its attach listener, which ends a process that is no JVM. */
  @Test
  void aProcessThatIsNoJvmIsNotSignalled() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try {
      Cli attach = cli(List.of(), ForkedJvm.AGENT_JAR, "attach", Long.toString(sleep.pid()));
      assertEquals(8, attach.exitCode(), attach.stderr());
      assertEquals("credscope attach: process " + sleep.pid() + " (sleep) is not a Java virtual machine\n",
          attach.stderr());
      assertTrue(sleep.isAlive(), "left as it was");
    } finally {
      sleep.destroyForcibly();
    }
  }

  @Test
  void aJvmThatDisablesAttaching() throws Exception {
    try (Target target = Target.start(folder, "-XX:+DisableAttachMechanism")) {
      Cli attach = cli(List.of(), ForkedJvm.AGENT_JAR, "attach", target.pid());
      assertEquals(10, attach.exitCode(), attach.stderr());
      assertEquals("credscope attach: JVM " + target.pid() + " does not allow attaching: it was started with "
          + "-XX:+DisableAttachMechanism; restart it without, or with -javaagent\n", attach.stderr());
      assertEquals(10, cli(List.of(), ForkedJvm.AGENT_JAR, "status", target.pid()).exitCode());
    }
  }

  /** As a runtime made without the module: jlink --add-modules without jdk.attach. */
  @Test
  void aRuntimeWithoutTheAttachModule() throws Exception {
    Cli list = cli(List.of("--limit-modules", "java.base,java.instrument,java.management,java.logging"),
        ForkedJvm.AGENT_JAR, "list");
    assertEquals(11, list.exitCode(), list.stderr());
    assertTrue(list.stderr().matches("credscope list: this Java runtime \\(.*\\) has no jdk.attach module, so it "
        + "cannot attach to other JVMs; run credscope with a full JDK's java\n"), list.stderr());
  }

  @Test
  void aJvmOfAnotherUser() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of(
        "/usr/sbin/runuser")), "needs root, to run the CLI as nobody with runuser");
    try (Target target = Target.start(folder)) {
      List<String> command = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--",
          ForkedJvm.defaultJava(), "-XX:-UsePerfData", "-jar", ForkedJvm.AGENT_JAR.toString(), "attach",
          target.pid()));
      Cli attach = run(command);
      assertEquals(9, attach.exitCode(), attach.stderr());
      Cli list = run(List.of("/usr/sbin/runuser", "-u", "nobody", "--", ForkedJvm.defaultJava(), "-XX:-UsePerfData",
          "-jar", ForkedJvm.AGENT_JAR.toString(), "list"));
      assertEquals(0, list.exitCode(), list.stderr());
      assertFalse(list.stdout().contains(target.pid() + " "), "only JVMs this user can attach to: " + list.stdout());
      assertEquals("credscope attach: process " + target.pid() + " belongs to user root, and the attach API only "
          + "lets a JVM's own user (or root) in; run credscope as root\n", attach.stderr());
    }
  }

  /** The bridge of the first credscope stays for the JVM's life, so another version must not attach, even after. */
  @Test
  void anotherVersion() throws Exception {
    Path other = withVersion(ForkedJvm.AGENT_JAR, "9.9.9", folder.resolve("credscope-9.9.9.jar"));
    try (Target target = Target.start(folder)) {
      assertEquals(0, cli(List.of(), ForkedJvm.AGENT_JAR, "attach", target.pid(), "log=off").exitCode());
      String version = implementationVersion(ForkedJvm.AGENT_JAR);
      Cli refused = cli(List.of(), other, "attach", target.pid());
      assertEquals(6, refused.exitCode(), refused.stderr());
      assertEquals("credscope attach: JVM " + target.pid() + " has credscope " + version + " (active), and this is "
          + "credscope 9.9.9; its bridge stays for the JVM's life, so only the " + version + " jar can attach there\n",
          refused.stderr());
      assertEquals(6, cli(List.of(), other, "status", target.pid()).exitCode());
      assertEquals(0, cli(List.of(), ForkedJvm.AGENT_JAR, "detach", target.pid()).exitCode());
      assertEquals(6, cli(List.of(), other, "attach", target.pid()).exitCode(), "detached, the bridge stays");
      Cli notActive = cli(List.of(), ForkedJvm.AGENT_JAR, "detach", target.pid());
      assertEquals(4, notActive.exitCode());
      assertEquals("credscope detach: credscope is not active in JVM " + target.pid() + " (it was detached); attach "
          + target.pid() + " starts it\n", notActive.stderr());
    }
  }

  /** Its control endpoint opens when a status first asks: JMX stays off the start-up path. */
  @Test
  void aJvmStartedWithTheAgentAnswersStatusAndDetach() throws Exception {
    try (Target target = Target.start(folder, "-javaagent:" + ForkedJvm.AGENT_JAR + "=log=warn")) {
      Cli attach = cli(List.of(), ForkedJvm.AGENT_JAR, "attach", target.pid());
      assertEquals(5, attach.exitCode(), attach.stderr());
      assertTrue(attach.stderr().contains("is already attached to JVM " + target.pid() + " (javaagent)"),
          attach.stderr());
      Cli status = cli(List.of(), ForkedJvm.AGENT_JAR, "status", target.pid());
      assertEquals(0, status.exitCode(), status.stderr());
      assertTrue(status.stdout().contains("started with -javaagent"), status.stdout());
      assertTrue(status.stdout().contains("SDK v2 static StaticCredentialsProvider AKIA\u2026MPLE (long-term): 1 "
          + "resolutions"), status.stdout());
      Cli detach = cli(List.of(), ForkedJvm.AGENT_JAR, "detach", target.pid());
      assertEquals(0, detach.exitCode(), detach.stderr());
      assertEquals(4, cli(List.of(), ForkedJvm.AGENT_JAR, "status", target.pid()).exitCode());
    }
  }

  @Test
  void forDetachesOnItsOwn() throws Exception {
    try (Target target = Target.start(folder)) {
      Cli attach = cli(List.of(), ForkedJvm.AGENT_JAR, "attach", target.pid(), "--for", "1s", "log=warn");
      assertEquals(0, attach.exitCode(), attach.stderr());
      assertTrue(attach.stdout().contains("detaches on its own at "), attach.stdout());
      int status = 0;
      for (int waited = 0; waited < 40 && status != 4; waited++) {
        Thread.sleep(250);
        status = cli(List.of(), ForkedJvm.AGENT_JAR, "status", target.pid()).exitCode();
      }
      assertEquals(4, status, "not active once its time is up");
      assertTrue(Files.readString(target.stderr()).contains("[credscope] WARN  credscope "
          + implementationVersion(ForkedJvm.AGENT_JAR) + " detached (its --for time is up)"),
          Files.readString(target.stderr()));
    }
  }

  /** {@link AttachTargetApp}, waiting for its go-file. */
  private record Target(Process process, Path go, Path stderr) implements AutoCloseable {
    static Target start(Path folder, String... options) throws IOException {
      Path go = folder.resolve("go");
      List<String> command = new ArrayList<>(List.of(ForkedJvm.defaultJava()));
      command.addAll(List.of(options));
      command.addAll(List.of("-cp", ForkedJvm.applicationClassPath(), AttachTargetApp.class.getName(),
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETKEY", go.toString()));
      Path stderr = folder.resolve("target-stderr.txt");
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine());
      return new Target(process, go, stderr);
    }

    String pid() {
      return Long.toString(process.pid());
    }

    @Override
    public void close() throws Exception {
      Files.writeString(go, "");
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, process.exitValue(), "the application carries on");
    }
  }

  private static Cli cli(List<String> jvmOptions, Path jar, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(ForkedJvm.defaultJava()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(arguments));
    return run(command);
  }

  private static Cli run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CREDSCOPE_"));
    Process process = builder.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    return new Cli(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
        new String(stderr, StandardCharsets.UTF_8));
  }

  private static String implementationVersion(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
  }

  /** A copy of the agent jar that says it is another version. */
  private static Path withVersion(Path jar, String version, Path copy) throws IOException {
    try (JarFile in = new JarFile(jar.toFile()); OutputStream file = Files.newOutputStream(copy)) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
      try (JarOutputStream out = new JarOutputStream(file, manifest)) {
        for (JarEntry entry : java.util.Collections.list(in.entries())) {
          if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          in.getInputStream(entry).transferTo(out);
          out.closeEntry();
        }
      }
    }
    return copy;
  }
}
