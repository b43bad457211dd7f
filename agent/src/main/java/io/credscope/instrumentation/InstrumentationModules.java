package io.credscope.instrumentation;

import io.credscope.config.AgentConfig;
import io.credscope.instrumentation.apachehttpclient.v4.ApacheHttpClient4InstrumentationModule;
import io.credscope.instrumentation.apachehttpclient.v5.ApacheHttpClient5InstrumentationModule;
import io.credscope.instrumentation.awssdk.AwsSdkOperationInstrumentationModule;
import io.credscope.instrumentation.awssdk.v1.AwsSdkV1CredentialsInstrumentationModule;
import io.credscope.instrumentation.awssdk.v2.AwsSdkV2CredentialsInstrumentationModule;
import io.credscope.instrumentation.classloader.ModularClassLoadersInstrumentationModule;
import io.credscope.instrumentation.jdk.HttpUrlConnectionInstrumentationModule;
import io.credscope.instrumentation.jdk.JavaHttpClientInstrumentationModule;
import io.credscope.instrumentation.nettynioclient.NettyNioClientInstrumentationModule;
import io.credscope.instrumentation.okhttp.OkHttpInstrumentationModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every module credscope has, and those an operator left on. */
public final class InstrumentationModules {

  private InstrumentationModules() {
  }

  /** Named types only: nothing is matched by hierarchy, and a JDK class is admitted by its exact name. */
  public static List<InstrumentationModule> all() {
    return Arrays.<InstrumentationModule>asList(
        new AwsSdkV2CredentialsInstrumentationModule(), new AwsSdkV1CredentialsInstrumentationModule(),
        new AwsSdkOperationInstrumentationModule(), new HttpUrlConnectionInstrumentationModule(),
        new JavaHttpClientInstrumentationModule(), new ApacheHttpClient4InstrumentationModule(),
        new ApacheHttpClient5InstrumentationModule(), new OkHttpInstrumentationModule(),
        new NettyNioClientInstrumentationModule(), new ModularClassLoadersInstrumentationModule());
  }

  /** All but those that {@code disable=} names. */
  public static List<InstrumentationModule> enabled(AgentConfig config) {
    List<InstrumentationModule> modules = new ArrayList<InstrumentationModule>();
    for (InstrumentationModule module : all()) {
      if (!config.disabled(module.name())) {
        modules.add(module);
      }
    }
    return modules;
  }
}
