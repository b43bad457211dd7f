package io.credscope.control;

import java.util.Locale;

/**
 * What the system property {@value #PROPERTY} of a JVM says about credscope in it: which version's bridge is in its
 * bootstrap loader, whether a core runs behind it, and how it came. The CLI reads it through the attach API without
 * loading anything into the JVM, for {@code list}, and to refuse a second attach or another version. A system
 * property because it is the one thing both sides can read and write with JDK types only; its name is outside
 * {@code credscope.*}, which the agent reads as options.
 */
public final class AgentState {

  public static final String PROPERTY = "io.credscope.agent";

  /** A core runs: from {@code -javaagent} or an attach. */
  public static final String ACTIVE = "active";
  /** A core ran and was detached: the bridge stays, with no core behind it. */
  public static final String DETACHED = "detached";

  public static final String VIA_JAVAAGENT = "javaagent";
  public static final String VIA_ATTACH = "attach";

  private final String state;
  private final String version;
  private final String via;

  private AgentState(String state, String version, String via) {
    this.state = state;
    this.version = version;
    this.via = via;
  }

  public static AgentState of(String state, String version, String via) {
    return new AgentState(state, version, via);
  }

  /** @return {@code null} when the property is not set: credscope was never in that JVM */
  public static AgentState parse(String value) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    String state = null;
    String version = "unknown";
    String via = null;
    for (String part : value.trim().split(" ")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        String key = part.substring(0, equals).toLowerCase(Locale.ROOT);
        String text = part.substring(equals + 1);
        if (key.equals("state")) {
          state = text;
        } else if (key.equals("version")) {
          version = text;
        } else if (key.equals("via")) {
          via = text;
        }
      }
    }
    return new AgentState(state == null ? "unknown" : state, version, via);
  }

  public boolean active() {
    return state.equals(ACTIVE);
  }

  public String state() {
    return state;
  }

  public String version() {
    return version;
  }

  /** {@value #VIA_JAVAAGENT} or {@value #VIA_ATTACH}, or {@code null} when detached. */
  public String via() {
    return via;
  }

  /** The property's value. */
  public String value() {
    return "state=" + state + " version=" + version + (via == null ? "" : " via=" + via);
  }

  @Override
  public String toString() {
    return value();
  }
}
