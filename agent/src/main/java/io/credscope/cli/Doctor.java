package io.credscope.cli;

import io.credscope.probe.HostProbe;
import io.credscope.probe.HostSettings;
import io.credscope.probe.ImdsClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code credscope doctor}: for a host with no JVM to attach to. Evaluates this host's settings, profile files,
 * web-identity, container and IMDS set-up for both SDKs' default chains, in their orders, and reports which source
 * wins, what it shadows, and the findings that apply. Exit codes: 0 when no finding of severity high or above
 * applies, {@value #FINDINGS} when one does (so it can gate a deployment), 2 for a usage error.
 */
final class Doctor {

  static final int FINDINGS = 3;

  private Doctor() {
  }

  /**
   * @param arguments what followed {@code doctor}
   * @param settings the host's settings: this process's own, except in tests
   */
  static int run(String[] arguments, HostSettings settings, Clock clock, PrintStream out, PrintStream err) {
    if (arguments.length == 1 && (arguments[0].equals("--help") || arguments[0].equals("-h"))) {
      print(out, usage());
      return Cli.OK;
    }
    DoctorOptions options;
    try {
      options = DoctorOptions.parse(arguments);
    } catch (IllegalArgumentException e) {
      print(err, e.getMessage() + System.lineSeparator());
      return Cli.USAGE;
    }
    HostProbe probe = new HostProbe(settings, new ImdsClient(options.timeoutMillis));
    DoctorReport report = DoctorReport.evaluate(probe, options.timeoutMillis, clock.instant());
    int exitCode = report.gates() ? FINDINGS : Cli.OK;
    print(out, options.json ? DoctorJson.render(report, options.mask, exitCode)
        : DoctorTable.render(report, options.mask));
    return exitCode;
  }

  /** In UTF-8 whatever the platform's default, as every credscope output: masked keys carry an ellipsis. */
  private static void print(PrintStream stream, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    stream.write(bytes, 0, bytes.length);
    stream.flush();
  }

  static String usage() {
    String nl = System.lineSeparator();
    return "credscope doctor [--json] [--timeout=MS] [--no-mask]" + nl
        + nl
        + "Checks the credentials this host offers the default chains of AWS SDK for Java v2 and v1: each source" + nl
        + "in chain order, whether it is available, where it comes from or why not, which one wins, and what it" + nl
        + "shadows; then the findings that apply. It reads settings, profile files and the web-identity token" + nl
        + "file's permissions, and asks IMDS for the instance role's name (IMDSv2; never its credentials)." + nl
        + nl
        + "  --json         print one JSON document instead of the table" + nl
        + "  --timeout=MS   IMDS connect and answer timeout: 1000, 500ms or 1s (default 1s)" + nl
        + "  --no-mask      show access key ids whole; secrets are never shown" + nl
        + nl
        + "Exit codes: 0 no finding of severity high or above, " + FINDINGS + " at least one, 2 usage error." + nl;
  }
}
