package io.credscope.http;

import io.credscope.credentials.CredentialSource;
import io.credscope.events.CallIdentity;
import io.credscope.lru.LruTable;

/**
 * One distinct (access key, service, region, source): reported once, then only its calls are counted, in rows it
 * shares with every site of the same service, region and source, so a site forgotten and made anew counts on.
 */
final class AwsCallSite extends LruTable.Entry {

  private final CallCount[] byOutcome = new CallCount[CallOutcome.values().length];
  private final CallIdentity identity;
  /** Whether AWS accepted a call of this site's static key: told once, see {@link #firstAccepted}. */
  private volatile boolean accepted;

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

  /**
   * Whether this 2xx answer is the first to a call of static credentials from code at this site: the one that
   * proves a hard-coded key live. One volatile read per call otherwise; a race reports twice, and the rule dedupes.
   */
  boolean firstAccepted(int status) {
    if (accepted || status < 200 || status >= 300 || identity.source() != CredentialSource.STATIC) {
      return false;
    }
    accepted = true;
    return true;
  }

  CallIdentity identity() {
    return identity;
  }

  String service() {
    return identity.service();
  }
}
