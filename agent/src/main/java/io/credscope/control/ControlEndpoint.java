package io.credscope.control;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The channel {@code status} and {@code detach} reach the agent through: an MBean in the platform MBean server,
 * which the CLI reaches through the JVM's own local JMX connector, the one the attach API starts
 * ({@code VirtualMachine.startLocalManagementAgent}), never through a port of the application. Registered only
 * when a CLI asks for it: JMX never loads on the {@code -javaagent} start-up path.
 */
final class ControlEndpoint implements CredscopeControlMBean {

  private final Session session;
  private final MBeanServer server;
  private final ObjectName name;

  private ControlEndpoint(Session session, MBeanServer server, ObjectName name) {
    this.session = session;
    this.server = server;
    this.name = name;
  }

  static ControlEndpoint register(Session session) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName(OBJECT_NAME);
    ControlEndpoint endpoint = new ControlEndpoint(session, server, name);
    if (server.isRegistered(name)) {
      // Left by a core that could not unregister it: this core's endpoint replaces it.
      server.unregisterMBean(name);
    }
    server.registerMBean(new StandardMBean(endpoint, CredscopeControlMBean.class), name);
    return endpoint;
  }

  void close() {
    try {
      server.unregisterMBean(name);
    } catch (Exception alreadyGone) {
      // Nothing left to close.
    }
  }

  @Override
  public String getVersion() {
    return session.version();
  }

  @Override
  public String getAuditFile() {
    String audit = session.auditFile();
    return audit == null ? "off" : audit;
  }

  @Override
  public String getLog() {
    return session.logLevel();
  }

  @Override
  public String status(boolean json) {
    StatusReport report = session.status();
    return json ? report.json() : report.text();
  }

  @Override
  public String detach() {
    return session.detach("asked by the credscope CLI");
  }
}
