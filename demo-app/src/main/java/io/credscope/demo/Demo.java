package io.credscope.demo;

import io.credscope.demo.fakeaws.FakeAws;
import io.credscope.demo.fakeaws.FakeImds;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar credscope-demo.jar --scenario NAME}: starts the fake AWS in this JVM, then the
 * application in a second JVM with credscope attached, so that the application gets a real
 * environment (environment variables cannot be changed inside a running JVM).
 */
public final class Demo {

  private Demo() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("demo: " + e.getMessage());
      out.print(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      out.print(Options.USAGE);
      return;
    }
    System.exit(run(options, out));
  }

  private static int run(Options options, PrintStream out) throws Exception {
    Path demoJar = Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path workDirectory = demoJar.getParent().resolve("demo").resolve(options.scenario.id());
    Path agentJar = options.noAgent ? null : options.agentJar != null ? options.agentJar
        : demoJar.getParent().resolve("../../agent/target/credscope-agent.jar").normalize();
    if (agentJar != null && !Files.isRegularFile(agentJar)) {
      out.println("demo: no agent jar at " + agentJar + "; build it with 'mvn -DskipTests package' or pass --agent");
      return 2;
    }
    Path audit = options.audit != null ? options.audit : workDirectory.resolve("audit.jsonl");
    try (FakeAws aws = FakeAws.start()) {
      AppLaunch launch = new AppLaunch(options.scenario, aws, workDirectory).classPath(demoJar.toString())
          .sdks(options.sdks != null ? options.sdks : options.scenario.sdks());
      if (options.calls != null) {
        launch.calls(options.calls);
      }
      Files.deleteIfExists(audit);
      String agentArguments = "audit=" + audit + (options.agentArguments.isEmpty() ? "" : "," + options.agentArguments);
      launch.agent(agentJar, agentArguments);

      out.println("scenario " + options.scenario.id() + ": " + options.scenario.description());
      out.println("fake AWS on 127.0.0.1: IMDS " + aws.imds().endpoint() + " (role " + FakeImds.ROLE + "), STS "
          + aws.sts().endpoint() + ", S3 " + aws.s3().endpoint() + ", DynamoDB " + aws.dynamoDb().endpoint()
          + ", EC2 " + aws.ec2().endpoint()
          + "; STS and the SSO portal by their AWS host names through the proxy 127.0.0.1:" + aws.proxy().port());
      out.println(agentJar == null ? "starting the application without credscope"
          : "starting the application with -javaagent:" + agentJar);
      out.println();
      int exit = options.untilStopped ? untilStopped(launch, workDirectory, out)
          : launch.processBuilder().inheritIO().start().waitFor();
      out.println();
      if (agentJar != null && Files.exists(audit)) {
        out.println("audit log " + audit + ":");
        for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
          out.println("  " + line);
        }
      }
      out.println("application exited with " + exit);
      return exit;
    }
  }

  /**
   * Runs the application until Enter is pressed here, for attaching to it: says its PID and how to attach, then
   * stops it through a stop file.
   */
  private static int untilStopped(AppLaunch launch, Path workDirectory, PrintStream out) throws Exception {
    Path stop = workDirectory.resolve("stop");
    Files.deleteIfExists(stop);
    launch.untilStopped(stop.toString());
    Process app = launch.processBuilder().redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    out.println("the application (PID " + app.pid() + ") calls STS, S3 and DynamoDB until you press Enter here;"
        + " in another terminal:");
    out.println("  java -jar agent/target/credscope-agent.jar list");
    out.println("  java -jar agent/target/credscope-agent.jar attach " + app.pid() + " audit="
        + workDirectory.resolve("attached.jsonl"));
    out.println("  java -jar agent/target/credscope-agent.jar status " + app.pid());
    out.println("  java -jar agent/target/credscope-agent.jar detach " + app.pid());
    out.println();
    int read;
    do {
      read = System.in.read();
    } while (read != -1 && read != '\n');
    Files.writeString(stop, "");
    return app.waitFor();
  }

  static final class Options {
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: java -jar credscope-demo.jar [--scenario NAME] [--agent JAR | --no-agent] [--agent-args K=V,...]",
        "                                    [--audit FILE] [--calls N] [--sdk v2,v1|none]",
        "  --scenario NAME    one of: " + Scenario.ids() + " (default env-shadows-role)",
        "  --agent JAR        the credscope agent jar (default: ../agent/target/credscope-agent.jar)",
        "  --no-agent         run the application without credscope, for comparison",
        "  --agent-args ARGS  more agent options, for example log=debug,mask=off",
        "  --audit FILE       where the agent writes its JSON Lines audit log",
        "  --calls N          how many rounds of STS, S3 and DynamoDB calls to make, or hand-signed calls in a row",
        "                     (default 3, or the scenario's own: 1 for throttled)",
        "  --sdk LIST         which AWS SDKs for Java the application uses: v2, v1, v2,v1, or none (default: those",
        "                     the scenario's credentials work with, v2,v1 for most, v2 for SSO, none for throttled)",
        "  --until-stopped    keep the application calling until Enter is pressed, to attach credscope to it",
        "                     (with --no-agent) by the PID it prints",
        "");

    Scenario scenario = Scenario.ENV_SHADOWS_ROLE;
    Path agentJar;
    boolean noAgent;
    String agentArguments = "";
    Path audit;
    /** {@code null} for the scenario's own. */
    Integer calls;
    /** {@code null} for the scenario's own. */
    String sdks;
    boolean help;
    boolean untilStopped;

    static Options parse(String[] args) {
      Options options = new Options();
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String flag = rest.remove(0);
        switch (flag) {
          case "--help", "-h" -> options.help = true;
          case "--no-agent" -> options.noAgent = true;
          case "--until-stopped" -> options.untilStopped = true;
          case "--scenario" -> options.scenario = Scenario.byId(value(flag, rest));
          case "--agent" -> options.agentJar = Path.of(value(flag, rest));
          case "--agent-args" -> options.agentArguments = value(flag, rest);
          case "--audit" -> options.audit = Path.of(value(flag, rest)).toAbsolutePath();
          case "--calls" -> options.calls = Integer.parseInt(value(flag, rest));
          case "--sdk" -> options.sdks = value(flag, rest);
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      return options;
    }

    private static String value(String flag, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return rest.remove(0);
    }
  }
}
