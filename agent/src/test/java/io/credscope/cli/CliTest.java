package io.credscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.config.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... arguments) {
    return Cli.run(arguments, "1.2.3", new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void version() {
    assertEquals(0, run("--version"));
    assertEquals("credscope 1.2.3" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
  }

  /** The table comes from the options' own definitions: none is missing, as backoff and metrics once were. */
  @Test
  void helpListsEveryOptionAndCommand() {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (Option option : Option.values()) {
      assertTrue(help.contains("  " + option.key() + "=" + System.lineSeparator() + "      " + option.description()
          + " (default " + option.defaultValue() + ")"), option.key() + " in " + help);
      assertTrue(help.contains("values: " + option.validValues()), option.key());
    }
    for (String command : new String[] {"doctor", "list", "attach", "status", "detach"}) {
      assertTrue(help.contains(System.lineSeparator() + "  " + command + "  "), command + " in " + help);
    }
  }

  @Test
  void eachCommandsHelpComesFromItsParser() {
    assertEquals(0, run("attach", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("Usage: credscope attach [-h] [--for=DURATION] PID [KEY=VALUE,...]"), help);
    assertTrue(help.contains("  5    credscope is active there already"), help);
    out.reset();
    assertEquals(0, run("status", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: credscope status [-h] [--json] PID"));
  }

  @Test
  void badAgentOptionsStopAnAttachBeforeItAttaches() {
    // PID 1 is no JVM here; the options are refused before that matters.
    assertEquals(2, run("attach", "1", "log=loud"));
    assertEquals("attach: option 'log' has invalid value 'loud' (from agent arguments); valid values: off, error, "
        + "warn, info, debug, trace" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, run("attach", "1", "--for", "soon"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("attach: bad duration 'soon'"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aPidThatNoProcessHasIsItsOwnFailure() {
    assertEquals(7, run("status", "2147483646"));
    assertEquals("credscope status: no process has PID 2147483646" + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(7, run("detach", "pid"));
    assertEquals("credscope detach: 'pid' is not a process id" + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void relativeAuditPathsAreTheCallersOwn() {
    assertEquals("log=warn,audit=" + new java.io.File("a/b.jsonl").getAbsolutePath() + ",audit=off",
        AttachJvmCommand.withAbsoluteAudit(" log=warn , audit=a/b.jsonl,audit=off"));
  }

  @Test
  void durations() {
    assertEquals(90_000, DurationConverter.millis("90s"));
    assertEquals(90_000, DurationConverter.millis("90"));
    assertEquals(600_000, DurationConverter.millis("10m"));
    assertEquals(7_200_000, DurationConverter.millis("2H"));
    assertEquals(250, DurationConverter.millis("250ms"));
    assertEquals(-1, DurationConverter.millis("8d"));
    assertEquals(-1, DurationConverter.millis("169h"));
  }

  @Test
  void doctorIsACommand() {
    assertEquals(0, run("doctor", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: credscope doctor [-h] [--json] [--no-mask] "
        + "[--timeout=MS]"), out.toString(StandardCharsets.UTF_8));
    // A usage error stops the doctor before it looks at this host.
    assertEquals(2, run("doctor", "--frobnicate"));
    assertEquals("doctor: unknown argument '--frobnicate'; try doctor --help" + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void noArgumentsIsAUsageErrorWithHelp() {
    assertEquals(2, run());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("-javaagent:credscope-agent.jar"));
  }

  @Test
  void unknownCommand() {
    assertEquals(2, run("frobnicate"));
    assertEquals("credscope: unknown command 'frobnicate'; try --help" + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8));
  }
}
