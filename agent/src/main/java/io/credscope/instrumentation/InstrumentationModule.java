package io.credscope.instrumentation;

import java.util.List;
import java.util.Set;

/**
 * The hooks for one library. It names the exact types it transforms, so that a class load is
 * matched by one hash lookup, and says which advice goes on which of their methods.
 */
public interface InstrumentationModule {

  /** Kebab-case, as in log lines and in settings that switch a module off. */
  String name();

  /**
   * The package prefix ({@code a.b.}) of the library this module hooks. The first class loaded
   * from it starts preparing the transformer, so a JVM that never loads the library pays nothing.
   */
  String libraryPackage();

  /** Binary names ({@code a.b.C$D}) of every type this module transforms. */
  Set<String> typeNames();

  /** Applied to every type in {@link #typeNames()}; a method no binding matches is left as it is. */
  List<AdviceBinding> adviceBindings();
}
