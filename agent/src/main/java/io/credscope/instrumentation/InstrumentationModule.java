package io.credscope.instrumentation;

import java.util.List;
import java.util.Set;

/** The hooks for one library: which advice goes on which methods of which of its types. */
public interface InstrumentationModule {

  /** Kebab-case, as in log lines and in settings that switch a module off. */
  String name();

  /**
   * The package prefix ({@code a.b.}) of the library this module hooks. The first class loaded
   * from it starts preparing the transformer, so a JVM that never loads the library pays nothing.
   */
  String libraryPackage();

  /**
   * Binary names ({@code a.b.C$D}) of every type some binding transforms, as plain strings: read
   * before the application's main, where building Byte Buddy matchers would cost dozens of classes.
   */
  Set<String> typeNames();

  /** Built on the preparation thread only. */
  List<AdviceBinding> adviceBindings();
}
