package io.credscope.instrumentation;

import java.util.List;
import java.util.Set;

/** The hooks for one library: which advice goes on which methods of which of its types. */
public interface InstrumentationModule {

  /** Kebab-case, as in log lines and in settings that switch a module off. */
  String name();

  /**
   * Binary names ({@code a.b.C$D}) of every type some binding transforms, as plain strings: read
   * before the application's main, where building Byte Buddy matchers would cost dozens of classes.
   */
  Set<String> typeNames();

  /** Built on the preparation thread only. */
  List<AdviceBinding> adviceBindings();
}
