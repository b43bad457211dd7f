package io.credscope.control;

/**
 * The control endpoint's interface, as JMX shows it. Strings only, so that the CLI needs no credscope class to read
 * it, and nothing of the application's crosses it.
 */
public interface CredscopeControlMBean {

  /** The object name the endpoint has in the platform MBean server. */
  String OBJECT_NAME = "io.credscope:type=Control";

  String getVersion();

  /** The audit log's absolute path, or {@code off}. */
  String getAuditFile();

  /** The level of the human lines on the JVM's stderr. */
  String getLog();

  /** @param json a JSON document when {@code true}, lines for people otherwise */
  String status(boolean json);

  /** Takes credscope out of this JVM; see {@link Session#detach}. */
  String detach();
}
