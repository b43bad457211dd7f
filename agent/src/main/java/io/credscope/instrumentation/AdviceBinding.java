package io.credscope.instrumentation;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Which methods of a module's types get which advice class, named, so that it is never loaded. */
public final class AdviceBinding {

  private final ElementMatcher<? super MethodDescription> methods;
  private final String adviceClass;

  public AdviceBinding(ElementMatcher<? super MethodDescription> methods, String adviceClass) {
    this.methods = methods;
    this.adviceClass = adviceClass;
  }

  public ElementMatcher<? super MethodDescription> methods() {
    return methods;
  }

  public String adviceClass() {
    return adviceClass;
  }
}
