package io.credscope.recorder;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.FailureReasons;
import io.credscope.events.BuildSite;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.ProviderFailure;
import io.credscope.lru.LruTable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Turns credentials handed over by advice into events. SDK v2 resolves credentials on every request,
 * so the repeated case is two class-value lookups, a map lookup and a counter increment, plus a
 * thread-local depth count when a chain asks, with no allocation; only the first sighting of a
 * (provider, key) pair, or of a way a chain failed, pays for a stack walk and an event.
 */
public final class CredentialsRecorder {

  /**
   * Keys remembered per provider class. Session credentials rotate every hour or so, so a provider that has handed
   * out more keys than this forgets the one it handed out least recently; a key in use is resolved again on every
   * request and stays.
   */
  static final int MAX_KEYS_PER_PROVIDER = 256;
  /**
   * Static providers whose build site is looked up: each costs a stack walk on the building thread,
   * so an application that builds one per request pays it this many times in all, then never again.
   */
  static final int MAX_BUILD_SITES = 1024;
  /** Distinct chain failures reported; more are counted together, so memory stays bounded. */
  static final int MAX_FAILURE_KINDS = 64;

  private final List<CredentialChainModel> models;
  private final Consumer<Event> events;
  private final Clock clock;
  private final CredentialsAccessor accessor = new CredentialsAccessor();
  /** The reported resolutions still remembered, for the summary; a forgotten one leaves with its key. */
  private final Set<Resolution> resolutions = Collections.newSetFromMap(new ConcurrentHashMap<Resolution, Boolean>());
  /** Resolutions the summary cannot list: of chain failures beyond their limit, and of keys forgotten since. */
  private final LongAdder unrecorded = new LongAdder();
  /**
   * The reported resolution of each access key id, for the HTTP hooks to tell which source signed a call. Holds
   * what the providers' tables hold, no more: an entry goes when its provider forgets the key.
   */
  private final ConcurrentMap<String, Resolution> byKey = new ConcurrentHashMap<String, Resolution>();
  private final LruTable.Evictions<String, Resolution> forget = new LruTable.Evictions<String, Resolution>() {
    @Override
    public void evicted(String keyId, Resolution resolution) {
      byKey.remove(keyId, resolution);
      if (resolutions.remove(resolution)) {
        unrecorded.add(resolution.count());
      }
    }
  };
  /** Weak keys: a provider the application dropped takes its build site with it. */
  private final Map<Object, BuildSite> buildSites =
      Collections.synchronizedMap(new WeakHashMap<Object, BuildSite>());
  private final AtomicInteger buildSitesLeft = new AtomicInteger(MAX_BUILD_SITES);
  private final ConcurrentMap<String, ChainFailures> failures = new ConcurrentHashMap<String, ChainFailures>();
  private final ThreadLocal<ChainWalk> walks = new ThreadLocal<ChainWalk>() {
    @Override
    protected ChainWalk initialValue() {
      return new ChainWalk();
    }
  };
  /** Classes asked at the clients' own seams: the application's providers are custom, the SDKs' are left alone. */
  private final ClassValue<ProviderSite> customSites = new ClassValue<ProviderSite>() {
    @Override
    protected ProviderSite computeValue(Class<?> type) {
      String name = type.getName();
      for (CredentialChainModel model : models) {
        // The SDK's own classes that no model names are not the application's; they stay unattributed.
        if (model.knows(name) || model.ownsClass(name)) {
          return new ProviderSite(name, null, null, forget);
        }
      }
      CredentialChainModel model = ProviderHierarchy.modelOf(type, models);
      return new ProviderSite(name, model, model == null ? null : CredentialSource.CUSTOM, forget);
    }
  };
  private final ClassValue<ProviderSite> sites = new ClassValue<ProviderSite>() {
    @Override
    protected ProviderSite computeValue(Class<?> type) {
      for (CredentialChainModel model : models) {
        CredentialSource source = model.sourceOf(type.getName());
        if (source != null) {
          return new ProviderSite(type.getName(), model, source, forget);
        }
      }
      return new ProviderSite(type.getName(), null, null, forget);
    }
  };

  public CredentialsRecorder(List<CredentialChainModel> models, Consumer<Event> events, Clock clock) {
    this.models = models;
    this.events = events;
    this.clock = clock;
  }

  public void credentialsProvided(Object provider, Object credentials) {
    record(sites.get(provider.getClass()), provider, credentials);
  }

  public void identityResolved(Object provider, Object credentials) {
    record(customSites.get(provider.getClass()), provider, credentials);
  }

  public void executionCredentials(Object executionContext, Object credentials) {
    Object provider = accessor.credentialsProvider(executionContext);
    if (provider != null) {
      record(customSites.get(provider.getClass()), provider, credentials);
    }
  }

  private void record(ProviderSite site, Object provider, Object credentials) {
    if (credentials == null || site.source == null) {
      return;
    }
    String keyId;
    try {
      keyId = accessor.accessKeyId(credentials);
    } catch (Throwable unreadable) {
      return;
    }
    if (keyId == null) {
      return;
    }
    Resolution known = site.resolutions.get(keyId);
    if (known != null) {
      known.increment();
      // Only session credentials that say when they expire pay for a clock read.
      if (known.expiresAtMillis != 0L && clock.millis() >= known.expiresAtMillis) {
        sessionExpired(known);
      }
      return;
    }
    firstSighting(site, keyId, credentials, provider);
  }

  /**
   * The first sighting of a key by this provider, or of a key it had forgotten (after {@link #MAX_KEYS_PER_PROVIDER}
   * newer ones), which is then reported again, as new: credscope no longer knows it saw it.
   */
  private void firstSighting(ProviderSite site, String keyId, Object credentials, Object provider) {
    ChainWalk walk = walks.get();
    CallPath path = CallPath.of(new Throwable().getStackTrace(), site.model, walk.chainClass);
    AccessKeyId key = keyId.isEmpty() ? AccessKeyId.NONE : AccessKeyId.of(keyId);
    Instant expiration = accessor.expiration(credentials);
    // A wrapped provider's resolutions are the wrapper's too: only the one reported watches the expiry.
    Resolution created = new Resolution(site.model.sdk(), site.source, site.className, key,
        expiration == null || path.nested() ? 0L : Math.max(1L, expiration.toEpochMilli()));
    Resolution raced = site.resolutions.putIfAbsent(keyId, created);
    if (raced != null) {
      raced.increment();
      return;
    }
    created.increment();
    if (!path.nested()) {
      resolutions.add(created);
      byKey.putIfAbsent(keyId, created);
      if (site.resolutions.get(keyId) != created) {
        // Forgotten again at once, by a burst of newer keys on other threads: the eviction missed these two.
        forget.evicted(keyId, created);
      }
      List<ProviderFailure> skipped = walk.depth > 0
          ? new ArrayList<ProviderFailure>(walk.failures) : Collections.<ProviderFailure>emptyList();
      events.accept(new CredentialsResolved(clock.instant(), site.model.sdk(), site.source, site.className, key,
          path.chain(), path.caller(), skipped, expiration, accessor.providerName(credentials),
          site.source == CredentialSource.PROFILE ? CredentialsAccessor.configuredProfile(provider) : null,
          site.source == CredentialSource.STATIC ? buildSites.get(provider) : null));
      if (created.expiresAtMillis != 0L && !clock.instant().isBefore(expiration)) {
        sessionExpired(created);
      }
    }
  }

  /** SESSION_EXPIRED: session credentials past their expiration are still being handed out. Reported once. */
  private void sessionExpired(Resolution resolution) {
    if (!resolution.expiryReported.compareAndSet(false, true)) {
      return;
    }
    Instant expired = Instant.ofEpochMilli(resolution.expiresAtMillis);
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("expiration", expired.toString());
    events.accept(new Finding(clock.instant(), "SESSION_EXPIRED", Finding.Severity.HIGH, resolution.sdk(),
        resolution.source(), resolution.provider(), resolution.key(),
        resolution.provider() + " (" + resolution.source().id() + ") still supplies session key "
            + resolution.key().masked() + ", which expired at " + expired,
        "refresh the session: the provider must fetch new credentials before " + expired
            + " (calls signed with expired keys fail with ExpiredToken)", evidence));
  }

  public void staticProviderBuilt(Object provider) {
    if (buildSitesLeft.get() <= 0 || buildSitesLeft.decrementAndGet() < 0) {
      return;
    }
    StackTraceElement builder = CallPath.builder(new Throwable().getStackTrace(), provider.getClass().getName());
    if (builder == null) {
      return;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    buildSites.put(provider, new BuildSite(builder.getClassName(), CallPath.format(builder),
        context != null ? context : provider.getClass().getClassLoader()));
  }

  public void credentialsFailed(Object provider, Throwable failure) {
    ProviderSite site = sites.get(provider.getClass());
    ChainWalk walk = walks.get();
    // A provider used on its own throws to the application, which sees that; only chains need telling.
    if (site.source == null || walk.depth == 0) {
      return;
    }
    // A provider that another asks from inside its own method (the source keys of an STS role, the STS session
    // behind web identity) is no member of the chain: the outer one fails with it, and reports. Only failures
    // pay for this stack walk.
    if (CallPath.of(new Throwable().getStackTrace(), site.model, null).nested()) {
      return;
    }
    walk.failed(new ProviderFailure(site.className, site.source, FailureReasons.describe(site.source, failure)));
  }

  public void chainEntered(Object chain) {
    walks.get().enter(chain);
  }

  public void chainExited(Object chain, Throwable failure) {
    ChainWalk walk = walks.get();
    if (walk.exit()) {
      if (failure != null) {
        chainFailed(chain, walk);
      }
      walk.reset();
    }
  }

  /** Reports a failure the first time its story (chain, providers, reasons) is told; counts it after. */
  private void chainFailed(Object chain, ChainWalk walk) {
    CredentialChainModel model = modelOf(chain.getClass().getName());
    if (model == null) {
      return;
    }
    StringBuilder story = new StringBuilder(chain.getClass().getName());
    for (ProviderFailure provider : walk.failures) {
      story.append('|').append(provider);
    }
    String key = story.toString();
    ChainFailures known = failures.get(key);
    if (known != null) {
      known.count.increment();
      return;
    }
    if (failures.size() >= MAX_FAILURE_KINDS) {
      unrecorded.increment();
      return;
    }
    CallPath path = CallPath.of(new Throwable().getStackTrace(), model, walk.chainClass);
    String chainName = path.chain() != null ? path.chain() : CallPath.simpleName(chain.getClass().getName());
    ChainFailures created = new ChainFailures(model.sdk(), chainName);
    ChainFailures raced = failures.putIfAbsent(key, created);
    if (raced != null) {
      raced.count.increment();
      return;
    }
    created.count.increment();
    events.accept(new CredentialsChainFailed(clock.instant(), model.sdk(), chainName,
        new ArrayList<ProviderFailure>(walk.failures), path.caller()));
  }

  private CredentialChainModel modelOf(String chainClass) {
    for (CredentialChainModel model : models) {
      if (model.isChain(chainClass)) {
        return model;
      }
    }
    return null;
  }

  /**
   * The first reported resolution of this access key id: which SDK, source and provider supplied it; {@code null}
   * when credscope never saw it resolved (keys signed by hand, or by an SDK it does not hook).
   */
  public Resolution resolutionOf(String accessKeyId) {
    return byKey.get(accessKeyId);
  }

  /** How many access key ids the HTTP hooks can attribute now: what the providers' tables remember. */
  public int keysRemembered() {
    return byKey.size();
  }

  /** Every distinct chain failure so far, with how often it happened. */
  public Collection<ChainFailures> chainFailures() {
    return failures.values();
  }

  /** Every reported resolution still remembered, with its live count, in no particular order. */
  public List<Resolution> resolutions() {
    return new ArrayList<Resolution>(resolutions);
  }

  /**
   * Resolutions no longer listed among {@link #resolutions}: those of keys forgotten since (see
   * {@link #MAX_KEYS_PER_PROVIDER}), and of chain failures beyond {@link #MAX_FAILURE_KINDS} kinds.
   */
  public long unrecordedResolutions() {
    return unrecorded.sum();
  }

  private static final class ProviderSite {
    final String className;
    final CredentialChainModel model;
    final CredentialSource source;
    final LruTable<String, Resolution> resolutions;

    /** @param model and source are both {@code null} for a class no model knows */
    ProviderSite(String className, CredentialChainModel model, CredentialSource source,
        LruTable.Evictions<String, Resolution> forget) {
      this.className = className;
      this.model = model;
      this.source = source;
      this.resolutions = new LruTable<String, Resolution>(MAX_KEYS_PER_PROVIDER, forget);
    }
  }
}
