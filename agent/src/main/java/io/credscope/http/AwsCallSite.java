package io.credscope.http;

/** One distinct (access key, service, region, source): reported once, then only its calls are counted. */
final class AwsCallSite {

  private final CallCount[] byOutcome = new CallCount[CallOutcome.values().length];

  AwsCallSite(CallCounters counters, String service, String region, String source) {
    for (CallOutcome outcome : CallOutcome.values()) {
      byOutcome[outcome.ordinal()] = counters.row(service, region, source, outcome);
    }
  }

  void count(int status) {
    byOutcome[CallOutcome.of(status).ordinal()].increment();
  }
}
