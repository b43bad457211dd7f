package io.credscope.control;

import io.credscope.config.AgentConfig;
import io.credscope.http.HttpCallRecorder;
import io.credscope.instrumentation.ClassNameGate;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.reporting.Diagnostics;
import io.credscope.reporting.ProcessId;
import io.credscope.reporting.Reporter;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The credscope core installed in this JVM, from its start to its detach: what {@code status} reads and what
 * {@code detach} undoes. A detach removes the transformer and retransforms every class it may have changed, so
 * that each gets its original bytecode back; puts the bridge back on the no-op dispatcher; writes the end-of-run
 * summary; and stops credscope's threads, timers, endpoint and files. The agent's class loader is then unreachable,
 * and a later attach starts a new core behind the same bridge.
 *
 * <p>Started with {@code -javaagent}, this costs the start-up a few objects and one system property: the control
 * endpoint (JMX) is registered only when a CLI asks, on attach or on the first {@code status}.
 */
public final class Session {

  /** How long a detach waits for the start's preparation (Byte Buddy, the recorders) to finish. */
  private static final long PREPARATION_WAIT_MILLIS = 15000;

  private static volatile Session current;

  private final Instrumentation instrumentation;
  private final AgentConfig config;
  private final String version;
  private final boolean attached;
  private final Instant since = Instant.now();
  private final StatusWatch watch = new StatusWatch();
  private final CountDownLatch prepared = new CountDownLatch(1);
  private final AtomicBoolean detaching = new AtomicBoolean();
  private volatile ClassNameGate gate;
  private volatile Reporter reporter;
  private volatile CredentialsRecorder recorder;
  private volatile HttpCallRecorder http;
  private volatile AtomicReference<ClassLoader> activeCore;
  private volatile ControlEndpoint endpoint;
  private volatile Thread timer;
  private volatile Instant detachAt;

  private Session(Instrumentation instrumentation, AgentConfig config, String version, boolean attached) {
    this.instrumentation = instrumentation;
    this.config = config;
    this.version = version;
    this.attached = attached;
  }

  /** The core is being installed: called once the bridge is in place, before any transformer is added. */
  public static Session begin(Instrumentation instrumentation, AgentConfig config, String version, boolean attached) {
    Session session = new Session(instrumentation, config, version, attached);
    current = session;
    return session;
  }

  /** Whether a core dispatches through a bridge already in the bootstrap loader. Only once the bridge is there. */
  public static boolean bridgeInUse() {
    return BridgeSwitch.inUse();
  }

  /** The transformer the JVM now calls: a detach removes it, and retransforms every loaded class it matches. */
  public void transforms(ClassNameGate added) {
    this.gate = added;
  }

  /** The recorders the bridge dispatches to and the reporter behind them, once made. */
  public void recording(Reporter made, CredentialsRecorder credentials, HttpCallRecorder calls) {
    this.reporter = made;
    this.recorder = credentials;
    this.http = calls;
    made.watch(watch);
  }

  /** The start's preparation is over, whether or not it made the recorders. */
  public void prepared() {
    prepared.countDown();
  }

  /**
   * The launcher's start returned: marks this JVM as running credscope, and, for an attach, carries out what the CLI
   * asked with it. Called from {@code Startup} on the launching thread.
   *
   * @param core the launcher's reference to the running core's class loader, cleared on detach
   * @param command the CLI's attach command ({@code attach;version=V;for=MILLIS}), or {@code null} for
   *     {@code -javaagent}
   */
  @SuppressWarnings("unchecked")
  public static void launched(Object core, String command) {
    Session session = current;
    if (session == null || session.activeCore != null) {
      // Not installed (disabled, or refused): nothing runs to control.
      return;
    }
    session.activeCore = (AtomicReference<ClassLoader>) core;
    session.activeCore.set(Session.class.getClassLoader());
    System.setProperty(AgentState.PROPERTY, AgentState.of(AgentState.ACTIVE, session.version,
        session.attached ? AgentState.VIA_ATTACH : AgentState.VIA_JAVAAGENT).value());
    if (command != null) {
      long detachAfter = AttachCommand.millis(command, "for");
      if (detachAfter > 0) {
        session.detachAfter(detachAfter);
      }
      session.endpoint();
    }
  }

  /**
   * A command the CLI sent to the running core through the attach API: {@code endpoint} registers the control
   * endpoint, for a JVM started with {@code -javaagent} whose status is asked for the first time.
   */
  public static void command(String command) {
    Session session = current;
    if (session == null) {
      Diagnostics.warn("credscope is not active in this JVM; ignoring '" + command + "'");
    } else if (command.startsWith("endpoint")) {
      session.endpoint();
    } else {
      Diagnostics.warn("unknown credscope command '" + command + "'; ignoring it");
    }
  }

  private synchronized void endpoint() {
    if (endpoint == null && !detaching.get()) {
      try {
        endpoint = ControlEndpoint.register(this);
      } catch (Throwable t) {
        Diagnostics.error("could not open credscope's control endpoint, so status and detach cannot reach it: "
            + t);
      }
    }
  }

  private void detachAfter(final long millis) {
    detachAt = Instant.now().plusMillis(millis);
    Thread waiting = new Thread(new Runnable() {
      @Override
      public void run() {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException cancelled) {
          return;
        }
        String done = detach("its --for time is up");
        Diagnostics.warn(done);
      }
    }, "credscope-detach-timer");
    waiting.setDaemon(true);
    timer = waiting;
    waiting.start();
  }

  /** The facts about this session that {@code status} shows above what it saw. */
  static final class Facts {
    final String version;
    final long pid;
    final String via;
    final Instant since;
    final Instant detachAt;
    final String auditFile;
    final String logLevel;

    Facts(String version, long pid, String via, Instant since, Instant detachAt, String auditFile, String logLevel) {
      this.version = version;
      this.pid = pid;
      this.via = via;
      this.since = since;
      this.detachAt = detachAt;
      this.auditFile = auditFile;
      this.logLevel = logLevel;
    }
  }

  String version() {
    return version;
  }

  /** The audit log's absolute path, or {@code null} when there is none. */
  String auditFile() {
    String audit = config.auditFile();
    return audit == null ? null : new File(audit).getAbsolutePath();
  }

  String logLevel() {
    return config.logLevel();
  }

  StatusReport status() {
    return new StatusReport(new Facts(version, ProcessId.current(),
        attached ? AgentState.VIA_ATTACH : AgentState.VIA_JAVAAGENT, since, detachAt, auditFile(), logLevel()),
        config.maskKeys(), watch, recorder, http);
  }

  /**
   * Takes credscope out of this JVM. Safe to call from any thread, once: a second call only says so.
   *
   * @param why what asked for it, for the line that says it is done
   * @return one line saying what was undone
   */
  String detach(String why) {
    if (!detaching.compareAndSet(false, true)) {
      return "credscope is already detaching from this JVM";
    }
    Thread waiting = timer;
    if (waiting != null && waiting != Thread.currentThread()) {
      waiting.interrupt();
    }
    try {
      if (!prepared.await(PREPARATION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        Diagnostics.warn("credscope's start had not finished preparing after " + PREPARATION_WAIT_MILLIS
            + " ms; detaching all the same");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int restored = restoreClasses();
    // After the classes: what their old versions still running report until then is counted in the summary.
    BridgeSwitch.toNoOp();
    HttpCallRecorder calls = http;
    if (calls != null) {
      calls.retries().close();
    }
    Reporter reporting = reporter;
    if (reporting != null) {
      reporting.detach();
    }
    ControlEndpoint opened = endpoint;
    if (opened != null) {
      opened.close();
    }
    System.setProperty(AgentState.PROPERTY, AgentState.of(AgentState.DETACHED, version, null).value());
    AtomicReference<ClassLoader> core = activeCore;
    if (core != null) {
      core.compareAndSet(Session.class.getClassLoader(), null);
    }
    current = null;
    String audit = auditFile();
    return "credscope " + version + " detached (" + why + "): " + restored + " classes have their original bytecode "
        + "back" + (audit == null ? "" : "; the summary is in " + audit);
  }

  /** Removes the transformer, then retransforms what it matches: with it gone, each class is as it was loaded. */
  private int restoreClasses() {
    ClassNameGate added = gate;
    if (added == null) {
      return 0;
    }
    instrumentation.removeTransformer(added);
    List<Class<?>> matched = new ArrayList<Class<?>>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (added.matches(type.getName()) && instrumentation.isModifiableClass(type)) {
        matched.add(type);
      }
    }
    int restored = 0;
    for (Class<?> type : matched) {
      try {
        instrumentation.retransformClasses(type);
        restored++;
      } catch (Throwable t) {
        Diagnostics.error("could not give " + type.getName() + " its original bytecode back: " + t);
      }
    }
    return restored;
  }
}
