package io.credscope.reporting;

import io.credscope.config.AgentConfig;
import io.credscope.credentials.CredentialSource;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.AwsCall;
import io.credscope.events.AwsError;
import io.credscope.events.Finding;
import io.credscope.events.RetryRecord;
import io.credscope.findings.FindingRules;
import io.credscope.http.HttpCallRecorder;
import io.credscope.probe.ConfiguredSources;
import io.credscope.probe.HostSettings;
import io.credscope.profiles.ProfileLookup;
import io.credscope.recorder.CredentialsRecorder;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries events from the application's threads to the outputs. Submitting never blocks: a full
 * queue drops the event and counts it. Logback, Jackson and the audit file are all started lazily
 * on the reporter's own daemon thread, which exists only once there is an event.
 */
public final class Reporter implements Consumer<Event> {

  private static final int QUEUE_CAPACITY = 1024;
  private static final long EXIT_DRAIN_MILLIS = 2000;
  /**
   * The most the exit waits for host probes under way: a probe against an IMDS that accepts and never answers would
   * otherwise hold every exit up to its timeouts. A probe still under way then is reported as unfinished.
   */
  static final long EXIT_PROBE_WAIT_MILLIS = 100;
  private static final Event STOP = new Event() {
    @Override
    public String type() {
      return "stop";
    }

    @Override
    public java.time.Instant time() {
      return java.time.Instant.EPOCH;
    }
  };

  /** Where the exit hook goes: the JVM's own, or a test's stand-in for one whose security manager refuses it. */
  interface ExitHooks {
    void add(Thread hook);

    /** Takes a hook out again, at detach; throws {@link IllegalStateException} once the JVM exits. */
    default void remove(Thread hook) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }

  private static final ExitHooks RUNTIME = new ExitHooks() {
    @Override
    public void add(Thread hook) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  };

  private final AgentConfig config;
  private final ExitHooks exitHooks;
  /** Made on the reporter thread, with the first event: nothing of it loads before the application's main. */
  private volatile FindingRules rules;
  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<Event>(QUEUE_CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private volatile CredentialsRecorder recorder;
  private volatile HttpCallRecorder calls;
  /**
   * Made when an option asks for meters: with {@code metrics=log} on the reporter thread with the first event that
   * counts; with an endpoint or a push registry, as the agent starts, off the application's threads. Otherwise
   * never, so that Micrometer does not load in a JVM whose meters go nowhere.
   */
  private AwsCallMeters meters;
  /** Set once the meters published their last counts at exit: a reporter thread still running binds no more. */
  private boolean metersClosed;
  private volatile Thread worker;
  private List<EventSink> sinks;
  /** Also gets every event the outputs get, findings included: what {@code status} reads. */
  private volatile Consumer<Event> watcher;
  /** Set by a detach: later events are dropped, and no worker starts again. */
  private volatile boolean detached;
  private Thread exitHook;

  public Reporter(AgentConfig config) {
    this(config, RUNTIME);
  }

  Reporter(AgentConfig config, ExitHooks exitHooks) {
    this.config = config;
    this.exitHooks = exitHooks;
  }

  /**
   * Starts, off the application's threads, what the first event will need: Logback if a line will
   * be printed, the audit log's JSON writer if there is an audit log. Never throws.
   */
  public void prepare() {
    try {
      sinks();
      if (LogLevel.ERROR.enabled()) {
        AgentLogging.context();
      }
      // An endpoint to scrape, or MBeans to read, are there from the start, before the first AWS call.
      if (config.prometheusAddress() != null || config.jmx() || config.otlpUrl() != null) {
        bindMeters();
      }
    } catch (Throwable t) {
      Diagnostics.error("could not prepare reporting: " + t);
    }
  }

  /** The recorder whose resolutions the summary counts; set once, at installation. */
  public void summarise(CredentialsRecorder counted) {
    this.recorder = counted;
  }

  /** The HTTP recorder whose calls the summary and the meters count; set once, at installation. */
  public void countCalls(HttpCallRecorder counted) {
    this.calls = counted;
  }

  /**
   * The meters, made the first time they are needed, if any option asks for them; {@code null} otherwise, or once
   * they published their last counts at exit.
   */
  private synchronized AwsCallMeters meters() {
    if (meters == null && config.meters() && !metersClosed) {
      meters = AwsCallMeters.start(config, new Consumer<String>() {
        @Override
        public void accept(String line) {
          AgentLogging.logger().info("metrics: {}", line);
        }
      });
    }
    return metersClosed ? null : meters;
  }

  private synchronized void bindMeters() {
    HttpCallRecorder counted = calls;
    AwsCallMeters bound = counted == null ? null : meters();
    if (bound == null) {
      return;
    }
    bound.bind(counted.callCounts());
    bound.bindErrors(counted.errorCounts(), counted.throttleCounts());
    bound.bindRetries(counted.retries().eventfulCounts(), counted.retries());
    bound.bindImds(counted);
    CredentialsRecorder resolutions = recorder;
    if (resolutions != null) {
      bound.bindResolutions(resolutions);
    }
  }

  private synchronized void countFinding(Finding finding) {
    AwsCallMeters bound = meters();
    if (bound != null) {
      bound.countFinding(finding);
    }
  }

  /** Hands every event delivered to the outputs to {@code watching} too, on the reporter thread. */
  public void watch(Consumer<Event> watching) {
    this.watcher = watching;
  }

  /**
   * credscope is taken out of this running JVM: writes the end-of-run summary now, as at exit, stops the reporter
   * thread and closes the outputs. Events after it are dropped. As at exit, a run that saw no event writes nothing.
   * Once: a second call does nothing.
   */
  public void detach() {
    Thread hook;
    synchronized (this) {
      if (detached) {
        return;
      }
      detached = true;
      hook = exitHook;
    }
    if (hook == null) {
      return;
    }
    try {
      exitHooks.remove(hook);
    } catch (IllegalStateException exiting) {
      // The JVM exits already, and the hook writes the summary.
      return;
    }
    finish();
    FindingRules started = rules;
    if (started != null) {
      started.stop();
    }
  }

  @Override
  public void accept(Event event) {
    if (detached) {
      return;
    }
    if (worker == null) {
      start();
    }
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  private synchronized void start() {
    if (worker != null || detached) {
      return;
    }
    Thread thread = new Thread(this::run, "credscope-reporter");
    thread.setDaemon(true);
    thread.start();
    worker = thread;
    try {
      Thread hook = new Thread(this::finish, "credscope-exit");
      exitHooks.add(hook);
      exitHook = hook;
    } catch (IllegalStateException shuttingDown) {
      // The first event came while the JVM exits: there is no run left to summarise.
    } catch (SecurityException refused) {
      Diagnostics.warn("cannot add a shutdown hook (" + refused.getMessage() + "): there will be no end-of-run "
          + "summary; everything else is reported as it happens");
    }
  }

  private void run() {
    try {
      rules = new FindingRules(config.maskKeys(), config.probeTimeoutMillis(), this);
      while (true) {
        Event event = describe(queue.take());
        if (event == STOP) {
          return;
        }
        if (event instanceof Barrier) {
          ((Barrier) event).reached.countDown();
          continue;
        }
        deliver(event);
        if (event instanceof AwsCall || event instanceof AwsError || event instanceof RetryRecord
            || event instanceof CredentialsResolved) {
          try {
            bindMeters();
          } catch (Throwable t) {
            Diagnostics.error("could not count AWS calls as meters: " + t);
          }
        }
        try {
          rules.observe(event, this::deliver);
        } catch (Throwable t) {
          Diagnostics.error("could not check " + event.type() + " for findings: " + t);
        }
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      Diagnostics.error("reporting stopped: " + t);
    }
  }

  private void deliver(Event event) {
    if (event instanceof Finding && config.meters()) {
      try {
        countFinding((Finding) event);
      } catch (Throwable t) {
        Diagnostics.error("could not count a finding as a meter: " + t);
      }
    }
    for (EventSink sink : sinks()) {
      try {
        sink.accept(event);
      } catch (Throwable t) {
        Diagnostics.error("could not report " + event.type() + ": " + t);
      }
    }
    Consumer<Event> watching = watcher;
    if (watching != null) {
      try {
        watching.accept(event);
      } catch (Throwable t) {
        Diagnostics.error("could not keep " + event.type() + " for status: " + t);
      }
    }
  }

  /** Adds what costs file reads to learn, here on the reporter thread rather than the application's. */
  private static Event describe(Event event) {
    if (event instanceof CredentialsResolved) {
      CredentialsResolved resolved = (CredentialsResolved) event;
      if (resolved.source() == CredentialSource.PROFILE) {
        try {
          return resolved.withProfile(ProfileLookup.describe(resolved.sdk(), resolved.configuredProfile(),
              System.getenv(), System.getProperties()));
        } catch (RuntimeException e) {
          Diagnostics.error("could not describe the profile: " + e);
        }
      }
      if (resolved.source() == CredentialSource.WEB_IDENTITY) {
        return resolved.withWebIdentityRole(ConfiguredSources.webIdentityRole(resolved.sdk(),
            HostSettings.ofThisProcess()));
      }
    }
    return event;
  }

  /**
   * At exit: lets the reporter catch up, then the host probes it started, whose findings it then reports too, for
   * at most {@link #EXIT_PROBE_WAIT_MILLIS}: a probe still under way is reported as unfinished rather than waited
   * for. A reporter that cannot catch up holds the exit for {@link #EXIT_DRAIN_MILLIS} at most.
   */
  void finish() {
    try {
      Thread running = worker;
      long deadline = System.currentTimeMillis() + EXIT_DRAIN_MILLIS;
      if (running != null) {
        Barrier caughtUp = new Barrier();
        if (queue.offer(caughtUp, EXIT_DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
          caughtUp.reached.await(remaining(deadline), TimeUnit.MILLISECONDS);
          FindingRules started = rules;
          if (started != null) {
            started.awaitProbes(Math.min(EXIT_PROBE_WAIT_MILLIS, remaining(deadline)), this);
          }
        }
        if (queue.offer(STOP, remaining(deadline), TimeUnit.MILLISECONDS)) {
          running.join(Math.max(1, remaining(deadline)));
        }
      }
      CredentialsRecorder counted = recorder;
      RunSummary summary = counted == null
          ? new RunSummary(new ArrayList<RunSummary.Row>(), new ArrayList<RunSummary.FailureRow>(), dropped.get(), 0)
          : RunSummary.of(counted.resolutions(), counted.chainFailures(), config.maskKeys(), dropped.get(),
              counted.unrecordedResolutions());
      HttpCallRecorder http = calls;
      if (http != null) {
        summary.withCalls(http.callCounts(), http.imdsCounts());
        summary.withErrors(http.errorCounts(), http.throttleCounts());
        summary.withRetries(http.retries().counts(), http.retries().budgetLevel());
        publishLastMeters();
      }
      // Each sink serialises its own writes: should the reporter still be delivering after the bounded wait above,
      // its records and the summary do not interleave, and the summary stays the last record.
      for (EventSink sink : sinks()) {
        sink.finish(summary);
      }
    } catch (Throwable t) {
      Diagnostics.error("could not write the end-of-run summary: " + t);
    }
  }

  /** Publishes the last counts before the JVM goes; under the lock the reporter thread binds meters with. */
  private synchronized void publishLastMeters() {
    if (meters != null) {
      bindMeters();
      meters.close();
    }
    metersClosed = true;
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.currentTimeMillis());
  }

  /** Reached once the reporter has handled every event queued before it. */
  private static final class Barrier implements Event {
    final CountDownLatch reached = new CountDownLatch(1);

    @Override
    public String type() {
      return "barrier";
    }

    @Override
    public java.time.Instant time() {
      return java.time.Instant.EPOCH;
    }
  }

  private synchronized List<EventSink> sinks() {
    if (sinks == null) {
      List<EventSink> created = new ArrayList<EventSink>();
      created.add(new HumanLog(config.maskKeys()));
      if (config.auditFile() != null) {
        created.add(new AuditLog(new File(config.auditFile()), config.maskKeys(), ProcessId.current()));
      }
      sinks = created;
    }
    return sinks;
  }
}
