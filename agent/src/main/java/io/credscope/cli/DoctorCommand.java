package io.credscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", sortOptions = false,
    header = "check the credentials this host offers both SDKs' default chains",
    description = {
        "Checks the credentials this host offers the default chains of AWS SDK for Java v2 and v1: each source in "
            + "chain order, whether it is available, where it comes from or why not, which one wins, and what it "
            + "shadows; then the findings that apply. It reads settings, profile files and the web-identity token "
            + "file's permissions, and asks IMDS for the instance role's name (IMDSv2; never its credentials).",
        "For a host with no JVM to attach to, for example a deployment step."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no finding of severity high or above", "3:at least one", "2:usage error"})
final class DoctorCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--json", description = "print one JSON document instead of the table")
  boolean json;

  @Option(names = "--timeout", paramLabel = "MS", converter = TimeoutConverter.class, defaultValue = "1000",
      description = "IMDS connect and answer timeout: 1000, 500ms or 1s (default 1s)")
  int timeoutMillis;

  @Option(names = "--no-mask", description = "show access key ids whole; secrets are never shown")
  boolean noMask;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;

  DoctorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return Doctor.check(json, !noMask, timeoutMillis, context.host, context.clock, context.out);
  }
}
