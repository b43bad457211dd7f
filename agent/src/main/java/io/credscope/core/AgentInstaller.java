package io.credscope.core;

import io.credscope.config.AgentConfig;
import io.credscope.reporting.AgentLogging;
import io.credscope.reporting.Diagnostics;
import java.io.File;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ClassFileVersion;

/**
 * The one install path, for {@code premain} and {@code agentmain} alike, called reflectively by
 * the launcher inside the agent's own class loader. It references no bridge type: those must be
 * in the bootstrap loader before any agent class links against them.
 */
public final class AgentInstaller {

  private AgentInstaller() {
  }

  public static void install(Instrumentation instrumentation, String arguments, boolean attached, File agentJar,
      String version) throws Exception {
    AgentConfig config = AgentConfig.load(arguments, System.getProperties(), System.getenv(), Diagnostics::error);
    if (!config.enabled()) {
      return;
    }
    AgentLogging.configure(config.logLevel());
    String unsupported = unsupportedJvm(instrumentation, attached);
    if (unsupported != null) {
      Diagnostics.warn(unsupported + "; credscope " + version + " is off and the application runs unchanged");
      return;
    }
    if (BridgeInjector.alreadyInjected()) {
      Diagnostics.warn("credscope is already running in this JVM; ignoring the second start");
      return;
    }
    BridgeInjector.inject(instrumentation, agentJar);
    AgentRuntime.start(instrumentation, config, attached);
  }

  /** Why this JVM cannot be served, or {@code null} when it can. */
  private static String unsupportedJvm(Instrumentation instrumentation, boolean attached) {
    ClassFileVersion running = ClassFileVersion.ofThisVm(ClassFileVersion.JAVA_V8);
    if (running.isGreaterThan(ClassFileVersion.latest())) {
      return "Java " + running.getJavaVersion() + " is newer than this build supports (up to Java "
          + ClassFileVersion.latest().getJavaVersion() + ")";
    }
    if (attached && !instrumentation.isRetransformClassesSupported()) {
      return "this JVM cannot retransform classes, which attaching needs";
    }
    return null;
  }
}
