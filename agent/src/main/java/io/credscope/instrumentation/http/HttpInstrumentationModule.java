package io.credscope.instrumentation.http;

import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The shape every HTTP client hook has: one type, named exactly, one seam in it where the request's headers are
 * final and the response's status is known (or the call failed), and one advice that hands plain strings to the
 * bridge. A client whose calls credscope can retry has a second seam, around the whole call: the method that an
 * application call, and each of an SDK's attempts, passes once, and that can run again with the same arguments.
 * Seams are pinned by name and parameter types: a release that changed one is left alone, never broken.
 */
public abstract class HttpInstrumentationModule implements InstrumentationModule {

  private final String name;
  private final String typeName;
  private final String adviceClass;
  private final Set<String> callTypeNames;
  private final String callAdviceClass;

  /** A client whose calls are seen on the wire only. */
  protected HttpInstrumentationModule(String name, String typeName, String adviceClass) {
    this(name, typeName, adviceClass, Collections.<String>emptySet(), null);
  }

  /**
   * @param callTypeNames the types whose {@link #callSeam} method wraps a whole call
   * @param callAdviceClass the advice that retries there
   */
  protected HttpInstrumentationModule(String name, String typeName, String adviceClass, Set<String> callTypeNames,
      String callAdviceClass) {
    this.name = name;
    this.typeName = typeName;
    this.adviceClass = adviceClass;
    this.callTypeNames = callTypeNames;
    this.callAdviceClass = callAdviceClass;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> typeNames() {
    Set<String> names = new HashSet<String>(callTypeNames);
    names.add(typeName);
    return names;
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    List<AdviceBinding> bindings = new ArrayList<AdviceBinding>(2);
    bindings.add(new AdviceBinding(Collections.singleton(typeName), seam(), adviceClass));
    if (!callTypeNames.isEmpty()) {
      bindings.add(new AdviceBinding(callTypeNames, callSeam(), callAdviceClass));
    }
    return bindings;
  }

  /** The method the wire advice goes on; built on the preparation thread only. */
  protected abstract ElementMatcher<? super MethodDescription> seam();

  /** The method around a whole call, in the call types; none for a client that is only watched. */
  protected ElementMatcher<? super MethodDescription> callSeam() {
    return ElementMatchers.none();
  }
}
