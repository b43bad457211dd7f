package io.credscope.cli;

import io.credscope.attach.AttachFailure;
import io.credscope.attach.TargetJvm;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", sortOptions = false,
    header = "what the credscope in a JVM has seen so far",
    description = {"Shows what the credscope in the JVM with this PID has seen so far: each identity (key masked "
        + "unless mask=off), its source and provider, its first caller, the findings, and the AWS calls, throttles "
        + "and retries counted. It asks the agent's own control endpoint through the JVM's local JMX connector, "
        + "never through a port of the application."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:shown", "4:credscope is not active there",
        "6:that JVM has another credscope version", "7-12:as for attach"})
final class StatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "PID", description = "the JVM's process id")
  String pid;

  @Option(names = "--json", description = "print one JSON document instead of lines")
  boolean json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws AttachFailure {
    try (TargetJvm jvm = TargetJvm.attach(pid)) {
      Cli.requireActive(jvm, context.version);
      try (TargetJvm.Control control = jvm.control(context.agentJar(), context.version)) {
        String status = control.status(json);
        CliContext.print(context.out, status.endsWith(System.lineSeparator()) ? status
            : status + System.lineSeparator());
      }
      return Cli.OK;
    }
  }
}
