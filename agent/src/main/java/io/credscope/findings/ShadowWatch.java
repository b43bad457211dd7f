package io.credscope.findings;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.KeyType;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.probe.HostProbe;
import io.credscope.probe.HostSettings;
import io.credscope.probe.ImdsClient;
import io.credscope.probe.SdkDialect;
import io.credscope.profiles.ProfileDetails;
import io.credscope.reporting.Diagnostics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * After a source wins, looks at what else the host offers that SDK's chain, and judges the winner
 * by the shadow rules: on its own daemon thread, since asking IMDS waits up to the probe timeout,
 * and once per distinct winner. The host is read when a winner is reported, not at start-up,
 * because applications set system properties after the agent starts.
 */
final class ShadowWatch {

  /**
   * Winners remembered as judged, the most recently reported; one forgotten is judged again if it wins again, so
   * that a JVM whose code builds static providers from fresh keys every hour keeps being checked.
   */
  static final int MAX_WINNERS = 64;

  private final int timeoutMillis;
  private final Consumer<? super Finding> findings;
  private final Clock clock;
  private final BlockingQueue<CredentialsResolved> pending = new ArrayBlockingQueue<CredentialsResolved>(MAX_WINNERS);
  /** Only the reporter thread touches it. */
  private final Map<String, Boolean> seen = new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_WINNERS;
    }
  };
  /** Winners queued or being judged: what the end of the run waits for, and reports when it waited in vain. */
  private final Set<CredentialsResolved> inFlight =
      Collections.newSetFromMap(new ConcurrentHashMap<CredentialsResolved, Boolean>());
  private volatile Thread worker;

  ShadowWatch(int timeoutMillis, Consumer<? super Finding> findings, Clock clock) {
    this.timeoutMillis = timeoutMillis;
    this.findings = findings;
    this.clock = clock;
  }

  /** Called on the reporter thread. */
  void winnerReported(CredentialsResolved resolved) {
    if (!worthProbing(resolved) || !firstSighting(resolved)) {
      return;
    }
    inFlight.add(resolved);
    if (!pending.offer(resolved)) {
      inFlight.remove(resolved);
      return;
    }
    if (worker == null) {
      Thread thread = new Thread(this::run, "credscope-probe");
      thread.setDaemon(true);
      worker = thread;
      thread.start();
    }
  }

  /** Whether this winner is not among the {@link #MAX_WINNERS} judged most recently; it is one of them from now. */
  boolean firstSighting(CredentialsResolved resolved) {
    return seen.put(resolved.sdk() + "|" + resolved.source() + "|" + resolved.provider() + "|"
        + resolved.key().value(), Boolean.TRUE) == null;
  }

  /**
   * Only keys that can shadow a role, or long-term keys, have anything to fear from the rules; a
   * role's own session credentials are what the rules want to see, and cost no probe. Package-private
   * for the test that anonymous credentials cost no probe either.
   */
  static boolean worthProbing(CredentialsResolved resolved) {
    CredentialSource source = resolved.source();
    // Anonymous credentials sign nothing, so they shadow nothing.
    return resolved.key().type() != KeyType.NONE && (source == CredentialSource.SYSTEM_PROPERTIES || source == CredentialSource.ENVIRONMENT
        || source == CredentialSource.PROFILE || source == CredentialSource.STATIC
        || resolved.key().type() == KeyType.LONG_TERM);
  }

  /**
   * Waits, at most the given time, for the winners reported so far to be judged: for the end of the run.
   *
   * @return the winners still unjudged then
   */
  List<CredentialsResolved> awaitIdle(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return new ArrayList<CredentialsResolved>(inFlight);
  }

  /** credscope is detached: the probe thread ends, once the probe it may be making is over. */
  void stop() {
    Thread running = worker;
    if (running != null) {
      running.interrupt();
    }
  }

  private void run() {
    try {
      while (true) {
        CredentialsResolved resolved = pending.take();
        try {
          judge(resolved);
        } catch (Throwable t) {
          Diagnostics.error("could not probe the host for " + resolved.source() + " credentials: " + t);
        } finally {
          inFlight.remove(resolved);
        }
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private void judge(CredentialsResolved resolved) {
    HostProbe host = new HostProbe(HostSettings.ofThisProcess(), new ImdsClient(timeoutMillis));
    List<Finding> raised = ShadowRules.evaluate(winnerOf(resolved), host.probe(CredentialChainModel.of(resolved.sdk())),
        clock.instant());
    for (Finding finding : raised) {
      findings.accept(finding);
    }
  }

  static Winner winnerOf(CredentialsResolved resolved) {
    Winner winner = Winner.of(resolved.sdk(), resolved.source(), resolved.provider(), resolved.key(),
        SdkDialect.of(resolved.sdk()).chainClass().equals(resolved.chain()));
    ProfileDetails profile = resolved.profile();
    if (profile != null && "static".equals(profile.kind())) {
      winner = winner.withProfileKeys(profile.name(), profile.files());
    }
    if (resolved.buildSite() != null) {
      winner = winner.withLocation(resolved.buildSite().location());
    } else if (resolved.source() == CredentialSource.STATIC && resolved.caller() != null) {
      winner = winner.withLocation(resolved.caller());
    }
    return winner;
  }
}
