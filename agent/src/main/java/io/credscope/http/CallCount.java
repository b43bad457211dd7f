package io.credscope.http;

import java.util.concurrent.atomic.LongAdder;

/** How many AWS calls one (service, region, source, outcome) had: one counter row, one meter. */
public final class CallCount {

  private final String service;
  private final String region;
  private final String source;
  private final CallOutcome outcome;
  private final LongAdder count = new LongAdder();

  CallCount(String service, String region, String source, CallOutcome outcome) {
    this.service = service;
    this.region = region;
    this.source = source;
    this.outcome = outcome;
  }

  void increment() {
    count.increment();
  }

  public String service() {
    return service;
  }

  /** The region, or {@code unknown} for a SigV4a signature without a region set. */
  public String region() {
    return region;
  }

  /** The credential source's id, or {@code unknown}. */
  public String source() {
    return source;
  }

  public CallOutcome outcome() {
    return outcome;
  }

  public long count() {
    return count.sum();
  }

  @Override
  public String toString() {
    return service + "/" + region + "/" + source + "/" + outcome.id() + "=" + count();
  }
}
