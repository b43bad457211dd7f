package io.credscope.http;

import io.credscope.events.CallIdentity;
import io.credscope.lru.LruTable;

/**
 * One distinct (access key, service, region, source): reported once, then only its calls are counted, in rows it
 * shares with every site of the same service, region and source, so a site forgotten and made anew counts on.
 */
final class AwsCallSite extends LruTable.Entry {

  private final CallCount[] byOutcome = new CallCount[CallOutcome.values().length];
  private final CallIdentity identity;

  /** @param region and {@code source} label the site's counters: {@code unknown} for what the identity lacks */
  AwsCallSite(CallCounters counters, CallIdentity identity, String region, String source) {
    this.identity = identity;
    for (CallOutcome outcome : CallOutcome.values()) {
      byOutcome[outcome.ordinal()] = counters.row(identity.service(), region, source, outcome);
    }
  }

  void count(int status) {
    byOutcome[CallOutcome.of(status).ordinal()].increment();
  }

  CallIdentity identity() {
    return identity;
  }

  String service() {
    return identity.service();
  }
}
