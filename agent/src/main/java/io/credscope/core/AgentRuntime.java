package io.credscope.core;

import io.credscope.bridge.Bridge;
import io.credscope.config.AgentConfig;
import io.credscope.control.Session;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.instrumentation.ClassNameGate;
import io.credscope.instrumentation.InstrumentationModule;
import io.credscope.instrumentation.InstrumentationModules;
import io.credscope.instrumentation.TransformerFactory;
import io.credscope.instrumentation.jdk.HttpUrlConnectionInstrumentationModule;
import io.credscope.http.CallRetries;
import io.credscope.http.HttpCallRecorder;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.recorder.Resolution;
import io.credscope.reporting.AgentLogging;
import io.credscope.reporting.Diagnostics;
import io.credscope.reporting.LogLevel;
import io.credscope.reporting.Reporter;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryPolicy;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Wires the recorder to the bridge and the instrumentation to the JVM, once the bridge is in place.
 * Runs before the application's main, so it uses anonymous classes rather than lambdas, whose
 * first bootstrap costs milliseconds.
 */
final class AgentRuntime {

  private AgentRuntime() {
  }

  static void start(Instrumentation instrumentation, final AgentConfig config, boolean attached,
      final String version) {
    List<InstrumentationModule> modules = InstrumentationModules.enabled(config);
    Set<String> typeNames = new HashSet<String>();
    for (InstrumentationModule module : modules) {
      typeNames.addAll(module.typeNames());
    }
    ClassNameGate.TransformFailures failures = new ClassNameGate.TransformFailures() {
      @Override
      public void failed(String className, Throwable cause) {
        transformFailed(className, cause);
      }
    };
    final FutureTask<ClassFileTransformer> byteBuddy = new FutureTask<ClassFileTransformer>(
        new TransformerFactory(modules, AgentRuntime.class.getClassLoader(), new TransformerFactory.UnsupportedJvm() {
          @Override
          public void unsupported(String reason) {
            Diagnostics.warn(reason + "; credscope " + version + " instruments nothing and the application runs "
                + "unchanged");
          }
        }, new TransformerFactory.SkippedTypes() {
          @Override
          public void skipped(String typeName) {
            Diagnostics.debug("left " + typeName + " as it is: none of its methods has the shape a hook expects, as "
                + "in a version whose shape changed, or one that needs no hook there");
          }

          @Override
          public void mismatched(String typeName, String adviceClass, String missing) {
            Diagnostics.debug("left " + typeName + " without " + adviceClass.substring(adviceClass.lastIndexOf('.') + 1)
                + ": " + missing + " in the version its class loader has, and the advice would fail on every call");
          }
        }));
    final Session session = Session.begin(instrumentation, config, version, attached);
    // The recorders are made here rather than before the application's main: no advice can call
    // them before Byte Buddy, after them on this thread, has woven it. After Byte Buddy, and long
    // before the first event, the outputs get ready: otherwise a short-lived application would wait
    // for Logback's first start at its exit.
    Runnable preparation = new Runnable() {
      @Override
      public void run() {
        Reporter reporter = null;
        try {
          reporter = installRecorders(config, session);
        } catch (Throwable t) {
          // The advice then reports to no one; Byte Buddy still runs, so no class waits for it.
          Diagnostics.error("could not start recording, credscope reports nothing: " + t);
        }
        try {
          byteBuddy.run();
          loadWoven(HttpUrlConnectionInstrumentationModule.CONNECTION);
          if (reporter != null) {
            reporter.prepare();
          }
        } finally {
          session.prepared();
        }
      }
    };
    ClassNameGate gate = new ClassNameGate(typeNames, byteBuddy, preparation, failures);
    instrumentation.addTransformer(gate, true);
    session.transforms(gate);
    // Now, not when the first hooked class loads: that class would wait for all of Byte Buddy,
    // whereas from here the preparation overlaps the application's own start on another core.
    gate.prepare();
    if (attached) {
      retransformLoaded(instrumentation, gate);
    }
  }

  /**
   * Loads a hooked JDK class here, woven on this thread, unless the application loaded it first.
   * Weaving the JDK's connection class is the dearest weave of all, some 20 ms, and would otherwise
   * fall on the application thread that opens the first connection. Loaded, not initialised: its
   * static set-up still runs when the application first uses it.
   */
  private static void loadWoven(String jdkClassName) {
    try {
      Class.forName(jdkClassName, false, null);
    } catch (Throwable absent) {
      // Not in this JDK: nothing to weave ahead.
    }
  }

  private static Reporter installRecorders(AgentConfig config, Session session) {
    Reporter reporter = new Reporter(config);
    final CredentialsRecorder recorder =
        new CredentialsRecorder(CredentialChainModel.ALL, reporter, Clock.systemUTC());
    HttpCallRecorder http = new HttpCallRecorder(new Function<String, Resolution>() {
      @Override
      public Resolution apply(String accessKeyId) {
        return recorder.resolutionOf(accessKeyId);
      }
    }, reporter, Clock.systemUTC(), System.getProperties(), System.getenv(), retries(config, reporter));
    reporter.summarise(recorder);
    reporter.countCalls(http);
    session.recording(reporter, recorder, http);
    Bridge.install(new AgentDispatcher(recorder, http));
    return reporter;
  }

  /** Retries with the configured backoff, or, with {@code backoff=off}, only watches. */
  private static CallRetries retries(AgentConfig config, Reporter reporter) {
    Retrier retrier = null;
    if (config.backoff()) {
      retrier = new Retrier(config.retryPolicy(new Consumer<String>() {
        @Override
        public void accept(String problem) {
          Diagnostics.error(problem);
        }
      }), config.retryBudget(), RetryPolicy.RANDOM, Clock.systemUTC());
    }
    return new CallRetries(retrier, reporter, Clock.systemUTC());
  }

  /** On attach the SDK may already be loaded: its providers are rewritten in place. */
  private static void retransformLoaded(Instrumentation instrumentation, ClassNameGate gate) {
    List<Class<?>> loaded = new ArrayList<Class<?>>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (gate.matches(type.getName()) && instrumentation.isModifiableClass(type)) {
        loaded.add(type);
      }
    }
    for (Class<?> type : loaded) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable t) {
        transformFailed(type.getName(), t);
      }
    }
  }

  private static final AtomicBoolean FAILED_BEFORE = new AtomicBoolean();

  /** The first failure is a warning, since attribution is then incomplete; the rest are details. */
  private static void transformFailed(String className, Throwable cause) {
    if (FAILED_BEFORE.compareAndSet(false, true)) {
      Diagnostics.warn("could not instrument " + className.replace('/', '.') + " (" + cause + "); credentials it"
          + " provides are not attributed. Run with log=debug to see every class left unchanged");
    } else if (LogLevel.DEBUG.enabled()) {
      AgentLogging.logger().debug("left {} unchanged: {}", className, String.valueOf(cause));
    }
  }
}
