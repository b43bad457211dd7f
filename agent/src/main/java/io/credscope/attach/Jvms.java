package io.credscope.attach;

import io.credscope.control.AgentState;
import java.util.ArrayList;
import java.util.List;

/** {@code list}: the local JVMs this user can attach to, each asked what it has loaded. */
public final class Jvms {

  private Jvms() {
  }

  /** One JVM: what it told, or why it could not be asked. */
  public static final class Row {
    public final String pid;
    public final String main;
    public final String java;
    /** {@code v2}, {@code v1}, {@code v2,v1}, {@code none}, or {@code ?}. */
    public final String sdks;
    /** {@code null} when credscope was never in it, or it could not be asked. */
    public final AgentState credscope;
    /** Why it could not be asked, or {@code null}. */
    public final String failure;

    Row(String pid, String main, String java, String sdks, AgentState credscope, String failure) {
      this.pid = pid;
      this.main = main;
      this.java = java;
      this.sdks = sdks;
      this.credscope = credscope;
      this.failure = failure;
    }
  }

  public static List<Row> list() throws AttachFailure {
    AttachApi api = AttachApi.load();
    String self = Long.toString(io.credscope.reporting.ProcessId.current());
    List<Row> rows = new ArrayList<Row>();
    for (AttachApi.Listed listed : api.list()) {
      if (listed.pid.equals(self)) {
        continue;
      }
      try (TargetJvm jvm = TargetJvm.attach(api, listed.pid, true)) {
        rows.add(new Row(listed.pid, jvm.main(), jvm.javaVersion(), jvm.sdks(), jvm.credscope(), null));
      } catch (AttachFailure e) {
        // Left out: one that exited since the attach API listed it, and one of another user, which the attach API
        // lists from its performance data but this user cannot attach to.
        if (e.reason() != AttachFailure.Cause.NO_SUCH_PROCESS && e.reason() != AttachFailure.Cause.OTHER_USER) {
          rows.add(new Row(listed.pid, TargetJvm.mainOf(listed.displayName), "?", "?", null, e.getMessage()));
        }
      }
    }
    return rows;
  }
}
