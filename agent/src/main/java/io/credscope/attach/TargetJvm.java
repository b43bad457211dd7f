package io.credscope.attach;

import io.credscope.control.AgentState;
import io.credscope.control.AttachCommand;
import io.credscope.control.CredscopeControlMBean;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Another JVM on this host, attached to through the attach API. Before it attaches it rules out, each with its own
 * cause, what the attach API would answer slowly, vaguely or harmfully: it sends a signal to the PID it is given,
 * which ends a process that is not a JVM.
 */
public final class TargetJvm implements AutoCloseable {

  /** Classes any client of that SDK line loads; VM.class_hierarchy prints nothing for one not loaded. */
  private static final String[][] SDK_MARKERS = {
      {"v2", "software.amazon.awssdk.core.SdkSystemSetting", "software.amazon.awssdk.core.SdkRequest"},
      {"v1", "com.amazonaws.AmazonWebServiceClient", "com.amazonaws.auth.BasicAWSCredentials"}};

  private final AttachApi api;
  private final String pid;
  private final Object vm;
  private final Properties properties;

  private TargetJvm(AttachApi api, String pid, Object vm, Properties properties) {
    this.api = api;
    this.pid = pid;
    this.vm = vm;
    this.properties = properties;
  }

  /** Attaches to the JVM with this PID, or says in one line why it cannot. */
  public static TargetJvm attach(String pid) throws AttachFailure {
    if (!pid.matches("[0-9]{1,10}")) {
      throw new AttachFailure(AttachFailure.Cause.NO_SUCH_PROCESS, "'" + pid + "' is not a process id");
    }
    AttachApi api = AttachApi.load();
    return attach(api, pid, listed(api, pid));
  }

  private static boolean listed(AttachApi api, String pid) throws AttachFailure {
    for (AttachApi.Listed jvm : api.list()) {
      if (jvm.pid.equals(pid)) {
        return true;
      }
    }
    return false;
  }

  static TargetJvm attach(AttachApi api, String pid, boolean listed) throws AttachFailure {
    checkProcess(pid, listed);
    Object vm;
    try {
      vm = api.attach(pid);
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("does not support the attach mechanism")) {
        throw new AttachFailure(AttachFailure.Cause.ATTACH_DISABLED, "JVM " + pid + " does not allow attaching: it "
            + "was started with -XX:+DisableAttachMechanism; restart it without, or with -javaagent");
      }
      throw new AttachFailure(AttachFailure.Cause.FAILED, "could not attach to JVM " + pid + ": " + e);
    }
    try {
      return new TargetJvm(api, pid, vm, api.systemProperties(vm));
    } catch (Exception e) {
      api.detach(vm);
      throw new AttachFailure(AttachFailure.Cause.FAILED, "could not read JVM " + pid + "'s system properties: " + e);
    }
  }

  /**
   * On Linux: the process must exist, belong to this user (or this user be root), and be a JVM. The attach API
   * lists only JVMs with performance data; one without still maps {@code libjvm}.
   */
  private static void checkProcess(String pid, boolean listed) throws AttachFailure {
    Path process = Paths.get("/proc", pid);
    if (!Files.isDirectory(Paths.get("/proc/self"))) {
      return;
    }
    if (!Files.isDirectory(process)) {
      throw new AttachFailure(AttachFailure.Cause.NO_SUCH_PROCESS, "no process has PID " + pid);
    }
    int owner = uid(process);
    int self = uid(ownProcess());
    if (owner >= 0 && self != 0 && owner != self) {
      String name;
      try {
        name = Files.getOwner(process).getName();
      } catch (IOException e) {
        name = "uid " + owner;
      }
      throw new AttachFailure(AttachFailure.Cause.OTHER_USER, "process " + pid + " belongs to user " + name
          + ", and the attach API only lets a JVM's own user (or root) in; run credscope as " + name);
    }
    if (!listed && !mapsLibjvm(process)) {
      throw new AttachFailure(AttachFailure.Cause.NOT_A_JVM, "process " + pid + " (" + command(process)
          + ") is not a Java virtual machine");
    }
  }

  /** This process's own folder: {@code /proc/self} itself is a link, owned by root. */
  private static Path ownProcess() {
    try {
      return Paths.get("/proc/self").toRealPath();
    } catch (IOException e) {
      return Paths.get("/proc/self");
    }
  }

  private static int uid(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    } catch (Exception | LinkageError unknown) {
      return -1;
    }
  }

  private static boolean mapsLibjvm(Path process) {
    try {
      for (String line : Files.readAllLines(process.resolve("maps"), StandardCharsets.UTF_8)) {
        if (line.endsWith("/libjvm.so")) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  private static String command(Path process) {
    try {
      return new String(Files.readAllBytes(process.resolve("comm")), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unknown command";
    }
  }

  public String pid() {
    return pid;
  }

  /** What credscope is in that JVM, or {@code null} when it never was. */
  public AgentState credscope() {
    return AgentState.parse(properties.getProperty(AgentState.PROPERTY));
  }

  /** Reads the property again: after a command, to see what the agent made of it. */
  public AgentState credscopeNow() throws AttachFailure {
    try {
      return AgentState.parse(api.systemProperties(vm).getProperty(AgentState.PROPERTY));
    } catch (Exception e) {
      throw new AttachFailure(AttachFailure.Cause.FAILED, "could not read JVM " + pid + "'s system properties: " + e);
    }
  }

  /** The main class or jar, from {@code sun.java.command}. */
  public String main() {
    return mainOf(properties.getProperty("sun.java.command", ""));
  }

  static String mainOf(String command) {
    String main = command.trim().split(" ")[0];
    return main.isEmpty() ? "unknown" : main;
  }

  public String javaVersion() {
    return properties.getProperty("java.version", "unknown");
  }

  /**
   * Which SDK lines are loaded: {@code v2}, {@code v1}, both, {@code none}, or {@code ?} where the attach API cannot
   * run diagnostic commands (not HotSpot, or a Java 8 target, which has no {@code VM.class_hierarchy}).
   */
  public String sdks() {
    List<String> loaded = new ArrayList<String>();
    for (String[] markers : SDK_MARKERS) {
      for (int i = 1; i < markers.length; i++) {
        String output = api.jcmd(vm, "VM.class_hierarchy " + markers[i]);
        if (output == null || output.contains("Unknown diagnostic command")) {
          return "?";
        }
        if (output.contains(markers[i])) {
          loaded.add(markers[0]);
          break;
        }
      }
    }
    if (loaded.isEmpty()) {
      return "none";
    }
    StringBuilder joined = new StringBuilder();
    for (String sdk : loaded) {
      joined.append(joined.length() == 0 ? "" : ",").append(sdk);
    }
    return joined.toString();
  }

  /** Where the target's stderr goes, as far as this host tells: a file, a terminal, a pipe. */
  public String stderr() {
    try {
      return Files.readSymbolicLink(Paths.get("/proc", pid, "fd", "2")).toString();
    } catch (Exception | LinkageError unknown) {
      return null;
    }
  }

  /**
   * Loads credscope into that JVM with the given agent options.
   *
   * @param detachAfterMillis 0 to stay until detached
   */
  public void loadCredscope(File agentJar, String version, String options, long detachAfterMillis)
      throws AttachFailure {
    command(agentJar, version, "attach;for=" + detachAfterMillis, options);
  }

  /** Sends a command to the running core through {@code agentmain}. */
  void command(File agentJar, String version, String command, String options) throws AttachFailure {
    try {
      int semicolon = command.indexOf(';');
      String verb = semicolon < 0 ? command : command.substring(0, semicolon);
      String rest = semicolon < 0 ? "" : command.substring(semicolon);
      api.loadAgent(vm, agentJar.getAbsolutePath(), AttachCommand.PREFIX + verb + ";version=" + version + rest
          + (options == null ? "" : "|" + options));
    } catch (Exception e) {
      throw new AttachFailure(AttachFailure.Cause.FAILED, "could not load credscope into JVM " + pid + ": " + e
          + "; see that JVM's stderr");
    }
  }

  /**
   * The agent's control endpoint, through the target's local JMX connector; for a JVM started with
   * {@code -javaagent} the endpoint is opened first.
   */
  public Control control(File agentJar, String version) throws AttachFailure {
    try {
      String address = api.startLocalManagementAgent(vm);
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MBeanServerConnection server = connector.getMBeanServerConnection();
      ObjectName name = new ObjectName(CredscopeControlMBean.OBJECT_NAME);
      if (!server.isRegistered(name)) {
        command(agentJar, version, "endpoint", null);
      }
      if (!server.isRegistered(name)) {
        connector.close();
        throw new AttachFailure(AttachFailure.Cause.FAILED, "credscope in JVM " + pid + " opened no control "
            + "endpoint; see that JVM's stderr");
      }
      return new Control(connector, server, name);
    } catch (AttachFailure e) {
      throw e;
    } catch (Exception e) {
      throw new AttachFailure(AttachFailure.Cause.FAILED, "could not reach credscope in JVM " + pid
          + " through its local JMX connector: " + e);
    }
  }

  @Override
  public void close() {
    api.detach(vm);
  }

  /** The agent's control endpoint, open. */
  public static final class Control implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName name;

    Control(JMXConnector connector, MBeanServerConnection server, ObjectName name) {
      this.connector = connector;
      this.server = server;
      this.name = name;
    }

    public String attribute(String attribute) throws AttachFailure {
      try {
        return (String) server.getAttribute(name, attribute);
      } catch (Exception e) {
        throw new AttachFailure(AttachFailure.Cause.FAILED, "credscope's control endpoint failed: " + e);
      }
    }

    public String status(boolean json) throws AttachFailure {
      return invoke("status", new Object[] {json}, new String[] {boolean.class.getName()});
    }

    public String detach() throws AttachFailure {
      return invoke("detach", new Object[0], new String[0]);
    }

    private String invoke(String operation, Object[] arguments, String[] signature) throws AttachFailure {
      try {
        return (String) server.invoke(name, operation, arguments, signature);
      } catch (Exception e) {
        throw new AttachFailure(AttachFailure.Cause.FAILED, "credscope's control endpoint failed: " + e);
      }
    }

    @Override
    public void close() {
      try {
        connector.close();
      } catch (IOException ignored) {
        // Closed either way.
      }
    }
  }
}
