package io.credscope.launcher;

import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Entry point for {@code -javaagent}, for attaching to a running JVM, and for the command line.
 * It uses JDK types only: it creates the agent's private class loader and hands over to the core,
 * which puts the bridge into the bootstrap loader. Whatever goes wrong here costs the host one line on stderr.
 */
public final class CredscopeAgent {

  private static final String STARTUP = "io.credscope.core.Startup";
  private static final String CLI = "io.credscope.cli.Cli";

  private CredscopeAgent() {
  }

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  public static void main(String[] arguments) {
    int exitCode;
    try {
      File jar = agentJar();
      AgentClassLoader core = new AgentClassLoader(jar);
      Object code = Class.forName(CLI, true, core)
          .getMethod("run", String[].class, String.class, PrintStream.class, PrintStream.class)
          .invoke(null, arguments, core.implementationVersion(), System.out, System.err);
      exitCode = (Integer) code;
    } catch (Throwable t) {
      printLine("credscope: " + describe(t));
      exitCode = 70;
    }
    System.exit(exitCode);
  }

  // Synchronized so that a premain and an attach racing each other cannot both install.
  private static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached) {
    try {
      File jar = agentJar();
      AgentClassLoader core = new AgentClassLoader(jar);
      core.launchWith(instrumentation, arguments, attached, jar, core.implementationVersion());
      // Initialising the startup class installs the agent; see its comment for why not reflection.
      Class.forName(STARTUP, true, core);
    } catch (Throwable t) {
      printLine("[credscope] ERROR credscope could not start (" + describe(t) + "); the application runs without it");
    }
  }

  private static File agentJar() throws URISyntaxException {
    return new File(CredscopeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String describe(Throwable t) {
    Throwable cause = (t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError)
        && t.getCause() != null ? t.getCause() : t;
    return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  /** UTF-8 whatever the platform default, as every credscope output. */
  private static void printLine(String line) {
    byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    System.err.write(bytes, 0, bytes.length);
    System.err.flush();
  }
}
