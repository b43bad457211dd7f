package io.credscope.instrumentation;

import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which methods of which types get which advice class. The advice is named, so that it is never
 * loaded, and the types are named exactly, so that a class load is matched by one hash lookup.
 */
public final class AdviceBinding {

  private final Set<String> typeNames;
  private final ElementMatcher<? super MethodDescription> methods;
  private final String adviceClass;

  /** @param typeNames binary names ({@code a.b.C$D}) of the types to transform */
  public AdviceBinding(Set<String> typeNames, ElementMatcher<? super MethodDescription> methods, String adviceClass) {
    this.typeNames = typeNames;
    this.methods = methods;
    this.adviceClass = adviceClass;
  }

  public Set<String> typeNames() {
    return typeNames;
  }

  public ElementMatcher<? super MethodDescription> methods() {
    return methods;
  }

  public String adviceClass() {
    return adviceClass;
  }
}
