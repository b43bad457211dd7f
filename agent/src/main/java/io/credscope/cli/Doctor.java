package io.credscope.cli;

import io.credscope.probe.HostProbe;
import io.credscope.probe.HostSettings;
import io.credscope.probe.ImdsClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code credscope doctor} (parsed by {@link DoctorCommand}): for a host with no JVM to attach to. Evaluates this host's settings, profile files,
 * web-identity, container and IMDS set-up for both SDKs' default chains, in their orders, and reports which source
 * wins, what it shadows, and the findings that apply. Exit codes: 0 when no finding of severity high or above
 * applies, {@value #FINDINGS} when one does (so it can gate a deployment), 2 for a usage error.
 */
final class Doctor {

  static final int FINDINGS = 3;

  private Doctor() {
  }

  /**
   * @param arguments what followed {@code doctor}, parsed as {@code java -jar credscope-agent.jar doctor} does
   * @param settings the host's settings: this process's own, except in tests
   */
  static int run(String[] arguments, HostSettings settings, Clock clock, PrintStream out, PrintStream err) {
    String[] command = new String[arguments.length + 1];
    command[0] = "doctor";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    return Cli.execute(command, new CliContext("test", settings, clock, out, err));
  }

  /** Evaluates this host and prints the report: the table, or JSON. */
  static int check(boolean json, boolean mask, int timeoutMillis, HostSettings settings, Clock clock,
      PrintStream out) {
    HostProbe probe = new HostProbe(settings, new ImdsClient(timeoutMillis));
    DoctorReport report = DoctorReport.evaluate(probe, timeoutMillis, clock.instant());
    int exitCode = report.gates() ? FINDINGS : Cli.OK;
    print(out, json ? DoctorJson.render(report, mask, exitCode) : DoctorTable.render(report, mask));
    return exitCode;
  }

  /** In UTF-8 whatever the platform's default, as every credscope output: masked keys carry an ellipsis. */
  private static void print(PrintStream stream, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    stream.write(bytes, 0, bytes.length);
    stream.flush();
  }

}
