package io.credscope.launcher;

import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;

/**
 * Entry point for {@code -javaagent}, for attaching to a running JVM, and for the command line.
 * It uses JDK types only: it creates the agent's private class loader and hands over to the core,
 * which puts the bridge into the bootstrap loader. Whatever goes wrong here costs the host one line on stderr.
 *
 * <p>This class stays loaded in the system class loader for the JVM's life, also after a detach: it keeps the
 * class loader of the core that runs now, which the core clears when it detaches, so that the CLI's later commands
 * reach that core and a later attach starts a new one.
 */
public final class CredscopeAgent {

  private static final String STARTUP = "io.credscope.core.Startup";
  private static final String CLI = "io.credscope.cli.Cli";
  private static final String SESSION = "io.credscope.control.Session";
  /** What an argument from the CLI starts with: {@code io.credscope.control.AttachCommand.PREFIX}. */
  private static final String COMMAND = "@credscope:";
  /** Between the CLI's command and the agent options. */
  private static final char OPTIONS = '|';

  /** The class loader of the core that runs in this JVM, or {@code null}: set and cleared by the core. */
  private static final AtomicReference<ClassLoader> CORE = new AtomicReference<ClassLoader>();

  private CredscopeAgent() {
  }

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false, null);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    if (arguments != null && arguments.startsWith(COMMAND)) {
      command(arguments.substring(COMMAND.length()), instrumentation);
    } else {
      start(arguments, instrumentation, true, null);
    }
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

  /**
   * What the CLI sends: {@code attach;version=V;...|OPTIONS} starts a core with those options; any other command
   * goes to the running core. The CLI checks the version and whether a core runs before it sends anything; these
   * checks only keep a race or a hand-made command from doing harm. Never throws: the JVM would print the trace.
   */
  private static synchronized void command(String command, Instrumentation instrumentation) {
    try {
      int bar = command.indexOf(OPTIONS);
      String control = bar < 0 ? command : command.substring(0, bar);
      String options = bar < 0 ? "" : command.substring(bar + 1);
      String own = ownVersion();
      if (!control.contains(";version=" + own + ";") && !control.endsWith(";version=" + own)) {
        printLine("[credscope] ERROR this JVM has credscope " + own + " loaded, which does not take commands from "
            + "another version's CLI; use the credscope " + own + " jar");
        return;
      }
      ClassLoader core = CORE.get();
      if (control.startsWith("attach;")) {
        if (core != null) {
          printLine("[credscope] WARN  credscope is already running in this JVM; ignoring the second attach");
          return;
        }
        start(options, instrumentation, true, control);
      } else if (core == null) {
        printLine("[credscope] WARN  credscope is not active in this JVM; ignoring the CLI's command");
      } else {
        Class.forName(SESSION, true, core).getMethod("command", String.class).invoke(null, control);
      }
    } catch (Throwable t) {
      printLine("[credscope] ERROR credscope could not carry out the CLI's command (" + describe(t) + ")");
    }
  }

  // Synchronized so that a premain and an attach racing each other cannot both install.
  private static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached,
      String command) {
    try {
      File jar = agentJar();
      AgentClassLoader core = new AgentClassLoader(jar);
      core.launchWith(instrumentation, arguments, attached, jar, core.implementationVersion(), CORE, command);
      // Initialising the startup class installs the agent; see its comment for why not reflection.
      Class.forName(STARTUP, true, core);
    } catch (Throwable t) {
      printLine("[credscope] ERROR credscope could not start (" + describe(t) + "); the application runs without it");
    }
  }

  /** The version of the jar this class came from: the one whose bridge and launcher this JVM keeps. */
  private static String ownVersion() throws Exception {
    JarFile jar = new JarFile(agentJar(), false);
    try {
      String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
      return version == null ? "unknown" : version;
    } finally {
      jar.close();
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
