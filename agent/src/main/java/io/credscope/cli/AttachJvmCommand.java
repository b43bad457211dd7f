package io.credscope.cli;

import io.credscope.attach.AttachFailure;
import io.credscope.attach.TargetJvm;
import io.credscope.config.AgentConfig;
import io.credscope.config.Option;
import io.credscope.control.AgentState;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "attach", sortOptions = false,
    header = "load credscope into a running JVM",
    description = {"Loads credscope into the running JVM with this PID, with the given agent options (those of "
        + "-javaagent; see credscope --help), and says where its output goes. Classes already loaded are rewritten "
        + "in place; SDK v2 resolves credentials on every request, so a busy application is reported within its "
        + "next call. A relative audit path is taken from this directory.",
        "On JDK 21 and newer the JVM prints a warning about a dynamically loaded agent unless it was started with "
            + "-XX:+EnableDynamicAgentLoading."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:attached", "2:usage error or bad agent options",
        "5:credscope is active there already", "6:that JVM has another credscope version",
        "7:no such process", "8:not a JVM", "9:a JVM of another user", "10:attaching disabled",
        "11:no jdk.attach module here", "12:attaching or loading failed"})
final class AttachJvmCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "PID", description = "the JVM's process id (see list)")
  String pid;

  @Parameters(index = "1", arity = "0..1", paramLabel = "KEY=VALUE,...",
      description = "agent options, as after -javaagent:credscope-agent.jar=")
  String options = "";

  @picocli.CommandLine.Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "audit for this long, then detach on its own: 90s, 10m, 2h")
  Long forMillis;

  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;

  AttachJvmCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws AttachFailure {
    final List<String> problems = new ArrayList<String>();
    String absolute = withAbsoluteAudit(options);
    AgentConfig config = AgentConfig.load(absolute, new Properties(), new java.util.HashMap<String, String>(),
        new Consumer<String>() {
          @Override
          public void accept(String problem) {
            problems.add(problem);
          }
        });
    if (!problems.isEmpty()) {
      for (String problem : problems) {
        context.error("attach: " + problem.replaceFirst("; using the default '[^']*'$", ""));
      }
      return Cli.USAGE;
    }
    try (TargetJvm jvm = TargetJvm.attach(pid)) {
      AgentState state = jvm.credscope();
      if (state != null && !state.version().equals(context.version)) {
        throw new AttachFailure(AttachFailure.Cause.OTHER_VERSION, "JVM " + pid + " has credscope " + state.version()
            + " (" + state.state() + "), and this is credscope " + context.version + "; its bridge stays for the "
            + "JVM's life, so only the " + state.version() + " jar can attach there");
      }
      if (state != null && state.active()) {
        throw new AttachFailure(AttachFailure.Cause.ALREADY_ATTACHED, "credscope " + state.version() + " is already "
            + "attached to JVM " + pid + " (" + state.via() + "); see status " + pid + ", or detach " + pid + " first");
      }
      long detachAfter = forMillis == null ? 0 : forMillis;
      jvm.loadCredscope(context.agentJar(), context.version, absolute, detachAfter);
      AgentState now = jvm.credscopeNow();
      if (now == null || !now.active()) {
        throw new AttachFailure(AttachFailure.Cause.FAILED, "credscope did not start in JVM " + pid + "; its stderr "
            + "says why" + (jvm.stderr() == null ? "" : " (" + jvm.stderr() + ")"));
      }
      String audit = config.auditFile();
      String stderr = jvm.stderr();
      context.line("credscope " + context.version + " attached to JVM " + pid + " (" + jvm.main() + ", Java "
          + jvm.javaVersion() + ")");
      context.line("  audit log: " + (audit == null ? "off (add audit=FILE to write one)" : audit));
      context.line("  human lines: the JVM's stderr" + (stderr == null ? "" : " (" + stderr + ")") + ", level "
          + config.logLevel());
      if (detachAfter > 0) {
        context.line("  detaches on its own at " + Instant.now().plusMillis(detachAfter));
      }
      context.line("  see what it saw: status " + pid + "; take it out: detach " + pid);
      return Cli.OK;
    }
  }

  /** The audit file as the CLI's user means it: relative to where the CLI runs, not to the other JVM's directory. */
  static String withAbsoluteAudit(String options) {
    StringBuilder rewritten = new StringBuilder();
    for (String pair : options.split(",")) {
      String trimmed = pair.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String prefix = Option.AUDIT.key() + "=";
      if (trimmed.startsWith(prefix) && !trimmed.substring(prefix.length()).trim().equals("off")) {
        trimmed = prefix + new File(trimmed.substring(prefix.length()).trim()).getAbsolutePath();
      }
      rewritten.append(rewritten.length() == 0 ? "" : ",").append(trimmed);
    }
    return rewritten.toString();
  }
}
