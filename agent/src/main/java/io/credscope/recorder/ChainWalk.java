package io.credscope.recorder;

import io.credscope.events.ProviderFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's walk through a chain: how deep in chains it is, which chain it started in, and which
 * providers had no credentials so far. Reused for the thread's life; it allocates only on failures.
 */
final class ChainWalk {

  /** Providers remembered per walk: more than any real chain has. */
  static final int MAX_FAILURES = 16;

  int depth;
  String chainClass;
  final List<ProviderFailure> failures = new ArrayList<ProviderFailure>(0);

  void enter(Object chain) {
    if (depth++ == 0) {
      chainClass = chain.getClass().getName();
      failures.clear();
    }
  }

  /** @return whether this exit closes the outermost chain */
  boolean exit() {
    if (depth > 0) {
      depth--;
    }
    return depth == 0;
  }

  void failed(ProviderFailure failure) {
    if (failures.size() < MAX_FAILURES) {
      failures.add(failure);
    }
  }

  void reset() {
    chainClass = null;
    if (!failures.isEmpty()) {
      failures.clear();
    }
  }
}
