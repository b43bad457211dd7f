package io.credscope.reporting;

import io.credscope.config.AgentConfig;
import io.credscope.credentials.CredentialSource;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.AwsCall;
import io.credscope.events.AwsError;
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
   * With {@code metrics=log}, made on the reporter thread with the first AWS call; otherwise never,
   * so that Micrometer does not load in a JVM whose meters go nowhere.
   */
  private AwsCallMeters meters;
  /** Set once the meters published their last counts at exit: a reporter thread still running binds no more. */
  private boolean metersClosed;
  private volatile Thread worker;
  private List<EventSink> sinks;

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

  private synchronized void bindMeters() {
    HttpCallRecorder counted = calls;
    if (counted == null || !config.metricsToLog() || metersClosed) {
      return;
    }
    if (meters == null) {
      meters = AwsCallMeters.toLog(new Consumer<String>() {
        @Override
        public void accept(String line) {
          AgentLogging.logger().info("metrics: {}", line);
        }
      });
    }
    meters.bind(counted.callCounts());
    meters.bindErrors(counted.errorCounts(), counted.throttleCounts());
    meters.bindRetries(counted.retries().eventfulCounts(), counted.retries());
  }

  @Override
  public void accept(Event event) {
    if (worker == null) {
      start();
    }
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  private synchronized void start() {
    if (worker != null) {
      return;
    }
    Thread thread = new Thread(this::run, "credscope-reporter");
    thread.setDaemon(true);
    thread.start();
    worker = thread;
    try {
      exitHooks.add(new Thread(this::finish, "credscope-exit"));
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
        if (event instanceof AwsCall || event instanceof AwsError || event instanceof RetryRecord) {
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
    for (EventSink sink : sinks()) {
      try {
        sink.accept(event);
      } catch (Throwable t) {
        Diagnostics.error("could not report " + event.type() + ": " + t);
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
   * At exit: lets the reporter catch up, then the host probes it started, whose findings it then
   * reports too, all within {@link #EXIT_DRAIN_MILLIS}, so that a short run still gets its findings
   * and a hung IMDS never holds the exit longer than that.
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
            started.awaitProbes(remaining(deadline));
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
      meters.registry().close();
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
