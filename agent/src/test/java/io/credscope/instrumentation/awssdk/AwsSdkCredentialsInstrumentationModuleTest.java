package io.credscope.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import io.credscope.instrumentation.awssdk.v1.AwsSdkV1CredentialsInstrumentationModule;
import io.credscope.instrumentation.awssdk.v2.AwsSdkV2CredentialsInstrumentationModule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AwsSdkCredentialsInstrumentationModuleTest {

  static List<InstrumentationModule> modules() {
    return List.of(new AwsSdkV2CredentialsInstrumentationModule(), new AwsSdkV1CredentialsInstrumentationModule());
  }

  /** The gate matches on typeNames(); a type only a binding names would never be transformed. */
  @ParameterizedTest
  @MethodSource("modules")
  void theGatesNamesAreExactlyTheBindingsTypes(InstrumentationModule module) {
    Set<String> bound = new HashSet<>();
    for (AdviceBinding binding : module.adviceBindings()) {
      bound.addAll(binding.typeNames());
    }
    assertEquals(bound, module.typeNames());
  }

  @ParameterizedTest
  @MethodSource("modules")
  void everyTypeIsInTheLibrary(InstrumentationModule module) {
    for (String type : module.typeNames()) {
      assertTrue(type.startsWith(module.libraryPackage()), type);
    }
  }
}
