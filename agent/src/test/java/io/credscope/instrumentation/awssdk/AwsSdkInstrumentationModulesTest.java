package io.credscope.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.instrumentation.AdviceBinding;
import io.credscope.instrumentation.InstrumentationModule;
import io.credscope.instrumentation.awssdk.v1.AwsSdkV1CredentialsInstrumentationModule;
import io.credscope.instrumentation.awssdk.v2.AwsSdkV2CredentialsInstrumentationModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AwsSdkInstrumentationModulesTest {

  static List<InstrumentationModule> modules() {
    return List.of(new AwsSdkV2CredentialsInstrumentationModule(), new AwsSdkV1CredentialsInstrumentationModule(),
        new AwsSdkOperationInstrumentationModule());
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

  /**
   * On the SDKs on this class path (the newest), the v1 request executor's credentials step is hooked once, and
   * SDK v2's pre-2.21 request set-up is not matched at all: from 2.21 it calls {@code resolveIdentity}, which is
   * hooked already, so matching it too would count every resolution twice.
   */
  @Test
  void theClientSeamsMatchWhatTheseSdkVersionsHave() {
    assertEquals(1, matches(new AwsSdkV1CredentialsInstrumentationModule(),
        "com.amazonaws.http.AmazonHttpClient$RequestExecutor"));
    assertEquals(0, matches(new AwsSdkV2CredentialsInstrumentationModule(),
        "software.amazon.awssdk.awscore.internal.authcontext.AwsCredentialsAuthorizationStrategy"));
    assertEquals(1, matches(new AwsSdkV2CredentialsInstrumentationModule(),
        "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider"));
  }

  /** Both public overloads of each SDK's call path, on the SDKs of this class path; nothing else of theirs. */
  @Test
  void eachSdksCallPathIsMatchedOnBothItsOverloads() {
    assertEquals(List.of("execute(ClientExecutionParams)", "execute(ClientExecutionParams,ResponseTransformer)"),
        matched(new AwsSdkOperationInstrumentationModule(), AwsSdkOperationInstrumentationModule.V2_HANDLER));
    assertEquals(List.of("execute(Request,HttpResponseHandler,HttpResponseHandler,ExecutionContext)",
        "execute(Request,HttpResponseHandler,HttpResponseHandler,ExecutionContext,RequestConfig)"),
        matched(new AwsSdkOperationInstrumentationModule(), AwsSdkOperationInstrumentationModule.V1_CLIENT));
  }

  private static int matches(InstrumentationModule module, String typeName) {
    return matched(module, typeName).size();
  }

  /** The methods of the type that the module's bindings match, as {@code name(SimpleParameterTypes)}, sorted. */
  private static List<String> matched(InstrumentationModule module, String typeName) {
    TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
    List<String> matched = new ArrayList<>();
    for (AdviceBinding binding : module.adviceBindings()) {
      if (binding.typeNames().contains(typeName)) {
        for (MethodDescription method : pool.describe(typeName).resolve().getDeclaredMethods()) {
          if (binding.methods().matches(method)) {
            List<String> parameters = new ArrayList<>();
            method.getParameters().asTypeList().asErasures().forEach(type -> parameters.add(type.getSimpleName()));
            matched.add(method.getName() + "(" + String.join(",", parameters) + ")");
          }
        }
      }
    }
    matched.sort(null);
    return matched;
  }
}
