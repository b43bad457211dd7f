package io.credscope.cli;

import io.credscope.attach.AttachFailure;
import io.credscope.attach.TargetJvm;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detach", sortOptions = false,
    header = "take credscope out of a JVM, restoring its classes",
    description = {"Takes credscope out of the JVM with this PID: every class it changed gets its original "
        + "bytecode back, the end-of-run summary is written, and its threads, timers, control endpoint and files "
        + "are stopped and closed. Its bootstrap bridge stays (such classes cannot be unloaded), with nothing "
        + "behind it; a later attach puts a new credscope behind it."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:detached", "4:credscope is not active there",
        "6:that JVM has another credscope version", "7-12:as for attach"})
final class DetachCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "PID", description = "the JVM's process id")
  String pid;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;

  DetachCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws AttachFailure {
    try (TargetJvm jvm = TargetJvm.attach(pid)) {
      Cli.requireActive(jvm, context.version);
      try (TargetJvm.Control control = jvm.control(context.agentJar(), context.version)) {
        context.line(control.detach());
      }
      return Cli.OK;
    }
  }
}
