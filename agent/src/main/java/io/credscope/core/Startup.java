package io.credscope.core;

import io.credscope.control.Session;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.function.Supplier;

/**
 * Installs the agent when the launcher initialises this class. Initialising a class is the one way
 * into another class loader that needs no reflection, and reflection on Java 18+ spins method
 * handles for tens of milliseconds before the application's main. The launch arguments come from
 * the agent's class loader, which hands them over as a plain JDK {@link Supplier}.
 */
final class Startup {

  static {
    Object[] launch = launchArguments();
    try {
      AgentInstaller.install((Instrumentation) launch[0], (String) launch[1], (Boolean) launch[2], (File) launch[3],
          (String) launch[4]);
      // The launcher's reference to the running core, and the CLI's attach command, or null for -javaagent.
      Session.launched(launch[5], (String) launch[6]);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Startup() {
  }

  @SuppressWarnings("unchecked")
  private static Object[] launchArguments() {
    return ((Supplier<Object[]>) Startup.class.getClassLoader()).get();
  }
}
