package io.credscope.instrumentation.http;

import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The shape every HTTP client hook has: one type, named exactly, one seam in it where the request's headers are
 * final and the response's status is known (or the call failed), and one advice that hands plain strings to the
 * bridge. The seam is pinned by name and parameter types: a release that changed it is left alone, never broken.
 */
public abstract class HttpInstrumentationModule implements InstrumentationModule {

  private final String name;
  private final String typeName;
  private final String adviceClass;

  protected HttpInstrumentationModule(String name, String typeName, String adviceClass) {
    this.name = name;
    this.typeName = typeName;
    this.adviceClass = adviceClass;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> typeNames() {
    return Collections.singleton(typeName);
  }

  @Override
  public List<AdviceBinding> adviceBindings() {
    return Collections.singletonList(new AdviceBinding(typeNames(), seam(), adviceClass));
  }

  /** The method the advice goes on; built on the preparation thread only. */
  protected abstract ElementMatcher<? super MethodDescription> seam();
}
