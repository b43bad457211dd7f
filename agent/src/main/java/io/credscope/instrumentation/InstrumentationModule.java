package io.credscope.instrumentation;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The hooks for one library. It names the exact types it transforms, so that a class load is
 * matched by one hash lookup and Byte Buddy sees only those types.
 */
public interface InstrumentationModule {

  /** Kebab-case, as in log lines and in settings that switch a module off. */
  String name();

  /** Binary names ({@code a.b.C$D}) of every type this module transforms. */
  Set<String> typeNames();

  /**
   * Adds this module's transformations.
   *
   * @param adviceLoader the loader that holds the advice classes, read as class files and never loaded
   */
  AgentBuilder instrument(AgentBuilder builder, ClassLoader adviceLoader);
}
