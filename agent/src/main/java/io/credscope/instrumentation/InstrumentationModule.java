package io.credscope.instrumentation;

import java.util.List;

/** The hooks for one library: which advice goes on which methods of which of its types. */
public interface InstrumentationModule {

  /** Kebab-case, as in log lines and in settings that switch a module off. */
  String name();

  /**
   * The package prefix ({@code a.b.}) of the library this module hooks. The first class loaded
   * from it starts preparing the transformer, so a JVM that never loads the library pays nothing.
   */
  String libraryPackage();

  List<AdviceBinding> adviceBindings();
}
