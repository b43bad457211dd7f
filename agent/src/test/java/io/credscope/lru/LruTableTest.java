package io.credscope.lru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruTableTest {

  private static final class Value extends LruTable.Entry {
    final String name;

    Value(String name) {
      this.name = name;
    }
  }

  @Test
  void aFullTableForgetsTheEighthUsedLongestAgo() {
    List<String> forgotten = new ArrayList<>();
    LruTable<String, Value> table = new LruTable<>(16, (key, value) -> forgotten.add(key));
    for (int i = 0; i < 16; i++) {
      assertNull(table.putIfAbsent("k" + i, new Value("k" + i)));
    }
    // Used since: k0 and k1 are now the most recent, k2 and k3 the least.
    assertNotNull(table.get("k0"));
    table.touch(table.get("k1"));
    assertNull(table.putIfAbsent("k16", new Value("k16")));
    assertEquals(List.of("k2", "k3", "k4"), forgotten, "17 entries down to 14: the three used longest ago");
    assertEquals(14, table.size());
    assertEquals(3, table.evictions());
    assertNotNull(table.get("k0"));
    assertNotNull(table.get("k1"));
    assertNull(table.get("k2"));
  }

  @Test
  void aKeyAlreadyThereKeepsItsValue() {
    LruTable<String, Value> table = new LruTable<>(4, null);
    Value first = new Value("first");
    assertNull(table.putIfAbsent("k", first));
    assertSame(first, table.putIfAbsent("k", new Value("second")));
    assertEquals(1, table.size());
  }

  @Test
  void theInUseKeySurvivesAnyNumberOfNewOnes() {
    LruTable<String, Value> table = new LruTable<>(8, null);
    table.putIfAbsent("hot", new Value("hot"));
    for (int i = 0; i < 10_000; i++) {
      table.putIfAbsent("cold" + i, new Value("cold" + i));
      assertNotNull(table.get("hot"), "after " + i);
      assertTrue(table.size() <= 8);
    }
  }

  @Test
  void concurrentAddersNeverLeaveItPastItsCapacity() throws Exception {
    LruTable<String, Value> table = new LruTable<>(64, null);
    AtomicInteger forgotten = new AtomicInteger();
    LruTable<String, Value> counted = new LruTable<>(64, (key, value) -> forgotten.incrementAndGet());
    int threads = 4;
    int each = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> adders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread adder = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < each; i++) {
          String key = thread + ":" + i;
          table.putIfAbsent(key, new Value(key));
          counted.putIfAbsent(key, new Value(key));
          table.get(thread + ":" + (i / 2));
        }
      });
      adders.add(adder);
      adder.start();
    }
    start.countDown();
    for (Thread adder : adders) {
      adder.join();
    }
    assertTrue(table.size() <= 64, "size " + table.size());
    assertEquals(threads * each, counted.size() + forgotten.get(), "every entry is either held or was told evicted");
  }
}
