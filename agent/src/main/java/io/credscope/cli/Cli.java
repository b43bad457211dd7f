package io.credscope.cli;

import io.credscope.probe.HostSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code java -jar credscope-agent.jar ...}: the command line. Exit codes: 0 done, 2 usage error, and for
 * {@code doctor} 3 when a finding of severity high or above applies.
 */
public final class Cli {

  static final int OK = 0;
  static final int USAGE = 2;

  private Cli() {
  }

  public static int run(String[] arguments, String version, PrintStream out, PrintStream err) {
    if (arguments.length == 0 || arguments[0].equals("--help") || arguments[0].equals("-h")
        || arguments[0].equals("help")) {
      out.print(usage());
      out.flush();
      return arguments.length == 0 ? USAGE : OK;
    }
    if (arguments[0].equals("--version") || arguments[0].equals("-V") || arguments[0].equals("version")) {
      out.println("credscope " + version);
      out.flush();
      return OK;
    }
    if (arguments[0].equals("doctor")) {
      return Doctor.run(Arrays.copyOfRange(arguments, 1, arguments.length), HostSettings.ofThisProcess(),
          Clock.systemUTC(), out, err);
    }
    err.println("credscope: unknown command '" + arguments[0] + "'; try --help");
    err.flush();
    return USAGE;
  }

  static String usage() {
    String nl = System.lineSeparator();
    return "credscope: which AWS credentials a JVM really uses, and why." + nl
        + nl
        + "As an agent:" + nl
        + "  java -javaagent:credscope-agent.jar[=key=value,...] -jar your-app.jar" + nl
        + nl
        + "Options (agent argument key=value, or system property credscope.KEY, or environment CREDSCOPE_KEY):" + nl
        + "  enabled=true|false   switch the agent off without removing it (default true)" + nl
        + "  audit=FILE|off       append JSON Lines audit records to FILE (default off)" + nl
        + "  log=LEVEL            stderr lines: off, error, warn, info, debug, trace (default info)" + nl
        + "  mask=on|off          show access key ids as AKIA\u2026WXYZ (default on)" + nl
        + "  probeTimeout=MS      IMDS connect and answer timeout of the host probe: 1000, 500ms, 1s (default 1000)"
        + nl
        + nl
        + "Commands:" + nl
        + "  doctor [--json] [--timeout=MS] [--no-mask]" + nl
        + "                       check the credentials this host offers both SDKs' default chains;" + nl
        + "                       exit 3 when a finding of severity high or above applies (doctor --help)" + nl
        + "  --version            print the version" + nl
        + "  --help               print this help" + nl;
  }
}
