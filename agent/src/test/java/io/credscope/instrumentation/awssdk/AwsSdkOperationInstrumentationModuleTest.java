package io.credscope.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.instrumentation.AdviceBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class AwsSdkOperationInstrumentationModuleTest {

  private final AwsSdkOperationInstrumentationModule module = new AwsSdkOperationInstrumentationModule();

  @Test
  void theGatesNamesAreExactlyTheBindingsTypes() {
    Set<String> bound = new HashSet<>();
    for (AdviceBinding binding : module.adviceBindings()) {
      bound.addAll(binding.typeNames());
    }
    assertEquals(bound, module.typeNames());
  }

  /** Both public overloads of each SDK's call path, on the SDKs of this class path; nothing else of theirs. */
  @Test
  void eachSdksCallPathIsMatchedOnBothItsOverloads() {
    assertEquals(List.of("execute(ClientExecutionParams)", "execute(ClientExecutionParams,ResponseTransformer)"),
        matched(AwsSdkOperationInstrumentationModule.V2_HANDLER));
    assertEquals(List.of("execute(Request,HttpResponseHandler,HttpResponseHandler,ExecutionContext)",
        "execute(Request,HttpResponseHandler,HttpResponseHandler,ExecutionContext,RequestConfig)"),
        matched(AwsSdkOperationInstrumentationModule.V1_CLIENT));
  }

  private List<String> matched(String typeName) {
    TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
    List<String> matched = new ArrayList<>();
    for (AdviceBinding binding : module.adviceBindings()) {
      if (binding.typeNames().contains(typeName)) {
        for (MethodDescription method : pool.describe(typeName).resolve().getDeclaredMethods()) {
          if (binding.methods().matches(method)) {
            List<String> parameters = new ArrayList<>();
            method.getParameters().asTypeList().asErasures()
                .forEach(type -> parameters.add(type.getSimpleName()));
            matched.add(method.getName() + "(" + String.join(",", parameters) + ")");
          }
        }
      }
    }
    matched.sort(null);
    return matched;
  }
}
