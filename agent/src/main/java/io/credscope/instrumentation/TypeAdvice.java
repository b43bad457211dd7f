package io.credscope.instrumentation;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Everything woven into one type: the advice of all its bindings, and which methods any of them matches. */
final class TypeAdvice {

  private final AsmVisitorWrapper advice;
  private final ElementMatcher<? super MethodDescription> methods;

  TypeAdvice(AsmVisitorWrapper advice, ElementMatcher<? super MethodDescription> methods) {
    this.advice = advice;
    this.methods = methods;
  }

  AsmVisitorWrapper advice() {
    return advice;
  }

  ElementMatcher<? super MethodDescription> methods() {
    return methods;
  }
}
