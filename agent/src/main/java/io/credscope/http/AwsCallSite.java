package io.credscope.http;

import io.credscope.events.CallIdentity;

/** One distinct (access key, service, region, source): reported once, then only its calls are counted. */
final class AwsCallSite {

  private final CallCount[] byOutcome = new CallCount[CallOutcome.values().length];
  private final CallIdentity identity;

  /**
   * @param region and {@code source} label the site's counters: {@code unknown} for what the identity lacks, and
   *     {@code other} for the site where calls beyond the limit of distinct sites are counted
   */
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
