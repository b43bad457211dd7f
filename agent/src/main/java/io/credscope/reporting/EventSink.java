package io.credscope.reporting;

import io.credscope.events.Event;

/** One output of credscope. Called from the reporter thread only, never from the application's. */
interface EventSink {

  void accept(Event event);

  /** The JVM is exiting: write the end-of-run summary and release what the sink holds. */
  void finish(RunSummary summary);
}
