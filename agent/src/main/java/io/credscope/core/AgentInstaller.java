package io.credscope.core;

import io.credscope.config.AgentConfig;
import io.credscope.control.Session;
import io.credscope.reporting.Diagnostics;
import io.credscope.reporting.LogLevel;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;

/**
 * The one install path, for {@code premain} and {@code agentmain} alike, reached through
 * {@link Startup} inside the agent's own class loader. It references no bridge type: those must be
 * in the bootstrap loader before any agent class links against them.
 */
public final class AgentInstaller {

  private AgentInstaller() {
  }

  public static void install(Instrumentation instrumentation, String arguments, boolean attached, File agentJar,
      String version) throws Exception {
    // An anonymous class, not a method reference: the first lambda in a JVM costs milliseconds of
    // bootstrap, and this runs before the application's main.
    AgentConfig config = AgentConfig.load(arguments, System.getProperties(), System.getenv(),
        new Consumer<String>() {
          @Override
          public void accept(String problem) {
            Diagnostics.error(problem);
          }
        });
    if (!config.enabled()) {
      return;
    }
    LogLevel.configure(config.logLevel());
    if (attached && !instrumentation.isRetransformClassesSupported()) {
      Diagnostics.warn("this JVM cannot retransform classes, which attaching needs; credscope " + version
          + " is off and the application runs unchanged");
      return;
    }
    if (!BridgeInjector.alreadyInjected()) {
      BridgeInjector.inject(instrumentation, agentJar);
    } else if (Session.bridgeInUse()) {
      Diagnostics.warn("credscope is already running in this JVM; ignoring the second start");
      return;
    }
    // Else a detached credscope left its bridge, on the no-op dispatcher: this core goes behind it.
    AgentRuntime.start(instrumentation, config, attached, version);
  }
}
