package io.credscope.recorder;

import io.credscope.credentials.Sdk;
import java.util.concurrent.atomic.LongAdder;

/** One way a chain failed (its providers and their reasons), and how often it failed that way. */
public final class ChainFailures {

  private final Sdk sdk;
  private final String chain;
  final LongAdder count = new LongAdder();

  ChainFailures(Sdk sdk, String chain) {
    this.sdk = sdk;
    this.chain = chain;
  }

  public Sdk sdk() {
    return sdk;
  }

  public String chain() {
    return chain;
  }

  public long count() {
    return count.sum();
  }
}
