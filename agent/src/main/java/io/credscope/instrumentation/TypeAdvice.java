package io.credscope.instrumentation;

import java.util.List;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Everything that may be woven into one type: each of its bindings' advice, with what that advice links against. */
final class TypeAdvice {

  private final List<Bound> bindings;

  TypeAdvice(List<Bound> bindings) {
    this.bindings = bindings;
  }

  List<Bound> bindings() {
    return bindings;
  }

  /** One binding's advice, ready to weave, and the methods it goes on. */
  static final class Bound {

    private final AsmVisitorWrapper advice;
    private final ElementMatcher<? super MethodDescription> methods;
    private final AdviceReferences references;

    Bound(AsmVisitorWrapper advice, ElementMatcher<? super MethodDescription> methods, AdviceReferences references) {
      this.advice = advice;
      this.methods = methods;
      this.references = references;
    }

    AsmVisitorWrapper advice() {
      return advice;
    }

    ElementMatcher<? super MethodDescription> methods() {
      return methods;
    }

    AdviceReferences references() {
      return references;
    }
  }
}
