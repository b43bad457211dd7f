package io.credscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void helpListsEveryOption() {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"enabled=", "audit=", "log=", "mask=", "probeTimeout="}) {
      assertTrue(help.contains(option), option);
    }
    assertTrue(help.contains("  doctor [--json] [--timeout=MS] [--no-mask]"), help);
  }

  @Test
  void doctorIsACommand() {
    assertEquals(0, run("doctor", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("credscope doctor "));
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
