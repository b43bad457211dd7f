package io.credscope.cli;

import io.credscope.probe.HostSettings;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** What every command runs with: the version, the agent jar, the host, and where to print. */
final class CliContext {

  final String version;
  final HostSettings host;
  final Clock clock;
  final PrintStream out;
  final PrintStream err;

  CliContext(String version, HostSettings host, Clock clock, PrintStream out, PrintStream err) {
    this.version = version;
    this.host = host;
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  /** The jar this CLI runs from: what {@code attach} loads into the other JVM. */
  File agentJar() {
    try {
      return new File(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("credscope cannot tell which jar it runs from", e);
    }
  }

  /** In UTF-8 whatever the platform's default, as every credscope output: masked keys carry an ellipsis. */
  static void print(PrintStream stream, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    stream.write(bytes, 0, bytes.length);
    stream.flush();
  }

  void line(String text) {
    print(out, text + System.lineSeparator());
  }

  void error(String text) {
    print(err, text + System.lineSeparator());
  }
}
