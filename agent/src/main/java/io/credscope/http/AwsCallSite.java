package io.credscope.http;

import io.credscope.recorder.Resolution;

/** One distinct (access key, service, region, source): reported once, then only its calls are counted. */
final class AwsCallSite {

  private final CallCount[] byOutcome = new CallCount[CallOutcome.values().length];
  private final String keyId;
  private final String service;
  private final String region;
  private final Resolution resolution;

  /**
   * @param keyId null for the site where calls beyond the limit of distinct sites are counted
   * @param resolution how credscope saw the key resolved, or null
   */
  AwsCallSite(CallCounters counters, String keyId, String service, String region, String source,
      Resolution resolution) {
    this.keyId = keyId;
    this.service = service;
    this.region = region;
    this.resolution = resolution;
    for (CallOutcome outcome : CallOutcome.values()) {
      byOutcome[outcome.ordinal()] = counters.row(service, region, source, outcome);
    }
  }

  void count(int status) {
    byOutcome[CallOutcome.of(status).ordinal()].increment();
  }

  String keyId() {
    return keyId;
  }

  String service() {
    return service;
  }

  /** The region, or {@code unknown}. */
  String region() {
    return region;
  }

  Resolution resolution() {
    return resolution;
  }
}
