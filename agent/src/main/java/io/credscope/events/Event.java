package io.credscope.events;

import java.time.Instant;

/** Something credscope observed. Events are immutable and never carry a secret. */
public interface Event {

  /** The audit log's {@code "event"} value. */
  String type();

  Instant time();
}
