package io.credscope.lru;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A concurrent table that holds at most {@code capacity} entries and, when a new one would pass that, forgets the
 * ones used longest ago. Made for the tables a long-lived JVM fills with rotated session keys: the key in use stays,
 * the keys of last month go.
 *
 * <p>A hit is one {@link ConcurrentHashMap} lookup, one volatile read and, at most once between two additions, one
 * field write: no allocation and no lock. Each entry carries the number of additions the table had seen when it was
 * last used, so recency is measured in additions, the only moments it matters. Eviction is exact LRU at that grain
 * (entries used between the same two additions tie) and runs on the adding thread, under a lock only adders take:
 * it sorts the entries by recency and removes the eighth used longest ago, so its cost, a sort of
 * {@code capacity} entries, is paid once per {@code capacity / 8} additions.
 *
 * @param <V> the values, which carry their own recency so that a hit needs no node of the table's own
 */
public final class LruTable<K, V extends LruTable.Entry> {

  /** What a table holds. One value belongs to one table. */
  public abstract static class Entry {
    /** The table's addition count when this value was last used. */
    volatile long usedAt;
  }

  /** Told of every entry the table forgot, on the thread that added the entry which pushed it out. */
  public interface Evictions<K, V> {
    void evicted(K key, V value);
  }

  /** An entry as it was when an eviction began: its recency is read once, as other threads go on using it. */
  private static final class Candidate<K, V> {
    final K key;
    final V value;
    final long usedAt;

    Candidate(K key, V value, long usedAt) {
      this.key = key;
      this.value = value;
      this.usedAt = usedAt;
    }
  }

  private static final Comparator<Candidate<?, ?>> LEAST_RECENT_FIRST = new Comparator<Candidate<?, ?>>() {
    @Override
    public int compare(Candidate<?, ?> a, Candidate<?, ?> b) {
      return Long.compare(a.usedAt, b.usedAt);
    }
  };

  private final int capacity;
  /** How many entries an eviction keeps. */
  private final int kept;
  private final Evictions<? super K, ? super V> evictions;
  private final ConcurrentHashMap<K, V> entries;
  private final AtomicLong additions = new AtomicLong();
  private final AtomicLong evicted = new AtomicLong();

  /**
   * @param capacity at least 1
   * @param evictions told of each entry forgotten, or {@code null}
   */
  public LruTable(int capacity, Evictions<? super K, ? super V> evictions) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.kept = capacity - Math.max(1, capacity / 8);
    this.evictions = evictions;
    this.entries = new ConcurrentHashMap<K, V>(Math.min(capacity, 64));
  }

  /** The value of {@code key}, now the most recently used, or {@code null}. */
  public V get(K key) {
    V value = entries.get(key);
    if (value != null) {
      touch(value);
    }
    return value;
  }

  /** Marks a value got from this table some other way (a cache in front of it) as used now. */
  public void touch(V value) {
    long now = additions.get();
    // Written only when stale: a hot entry's cache line is not written on every hit.
    if (value.usedAt != now) {
      value.usedAt = now;
    }
  }

  /**
   * Adds {@code value} unless {@code key} has one already, which is then answered, as used now. An addition that
   * takes the table past its capacity forgets the least recently used entries before it returns.
   *
   * @return the value already there, or {@code null} when {@code value} was added
   */
  public V putIfAbsent(K key, V value) {
    value.usedAt = additions.incrementAndGet();
    V raced = entries.putIfAbsent(key, value);
    if (raced != null) {
      touch(raced);
      return raced;
    }
    if (entries.size() > capacity) {
      evict();
    }
    return null;
  }

  private synchronized void evict() {
    if (entries.size() <= capacity) {
      return;
    }
    List<Candidate<K, V>> byRecency = new ArrayList<Candidate<K, V>>(entries.size());
    for (Map.Entry<K, V> entry : entries.entrySet()) {
      byRecency.add(new Candidate<K, V>(entry.getKey(), entry.getValue(), entry.getValue().usedAt));
    }
    Collections.sort(byRecency, LEAST_RECENT_FIRST);
    int excess = byRecency.size() - kept;
    for (int i = 0; i < excess; i++) {
      Candidate<K, V> oldest = byRecency.get(i);
      if (entries.remove(oldest.key, oldest.value)) {
        evicted.incrementAndGet();
        if (evictions != null) {
          evictions.evicted(oldest.key, oldest.value);
        }
      }
    }
  }

  public int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }

  /** How many entries this table forgot. */
  public long evictions() {
    return evicted.get();
  }

  /** A snapshot of the values, in no particular order. */
  public List<V> values() {
    return new ArrayList<V>(entries.values());
  }
}
