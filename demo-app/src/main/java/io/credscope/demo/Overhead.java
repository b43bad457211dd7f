package io.credscope.demo;

import io.credscope.demo.fakeaws.FakeAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-process comparison of the application JVM with and without credscope, measured in the same
 * run, alternating, against the same fakes: wall time from process start to exit; peak RSS and
 * CPU time, through {@code /usr/bin/time} where the machine has it; and, with {@code --calls} above
 * 1, the application's own steady SDK call rate after its first round. Reports medians and ratios.
 * CPU time shows the agent's cost even when other work on the machine makes wall times noisy.
 *
 * <pre>java -cp demo-app/target/credscope-demo.jar io.credscope.demo.Overhead [--runs N] [--calls N]
 *     [--scenario NAME] [--agent JAR] [--agent-args K=V,...] [--java PATH]</pre>
 */
public final class Overhead {

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private Overhead() {
  }

  /**
   * One run: wall time, peak RSS, CPU time (user and system, all threads), and the time the
   * application took for its rounds after the first.
   */
  record Sample(long millis, long maxRssKb, long cpuMillis, long steadyMicros) {
  }

  private static final Pattern STEADY = Pattern.compile("steady state: (\\d+) rounds in (\\d+) us");

  public static void main(String[] args) throws Exception {
    int runs = 10;
    int calls = 1;
    Scenario scenario = Scenario.ROLE_ONLY;
    Path demoJar = Path.of(Overhead.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path agentJar = demoJar.getParent().resolve("../../agent/target/credscope-agent.jar").normalize();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String agentArguments = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--calls" -> calls = Integer.parseInt(args[i + 1]);
        case "--scenario" -> scenario = Scenario.byId(args[i + 1]);
        case "--agent" -> agentJar = Path.of(args[i + 1]);
        case "--java" -> java = args[i + 1];
        case "--agent-args" -> agentArguments = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<Sample> without = new ArrayList<>();
    List<Sample> with = new ArrayList<>();
    Path work = Files.createTempDirectory("credscope-overhead");
    try (FakeAws aws = FakeAws.start()) {
      // One unmeasured run of each warms the page cache and the fakes.
      measure(launch(scenario, aws, work, demoJar, java, calls, null, null));
      measure(launch(scenario, aws, work, demoJar, java, calls, agentJar, agentArguments));
      for (int run = 0; run < runs; run++) {
        without.add(measure(launch(scenario, aws, work, demoJar, java, calls, null, null)));
        with.add(measure(launch(scenario, aws, work, demoJar, java, calls, agentJar, agentArguments)));
      }
    }
    long baseTime = median(without, Sample::millis);
    long agentTime = median(with, Sample::millis);
    System.out.printf("scenario %s, %d calls per client, %d runs each, %s%n", scenario.id(), calls, runs, java);
    System.out.printf("wall time, median: without %d ms, with credscope %d ms, ratio %.3f%n", baseTime, agentTime,
        (double) agentTime / baseTime);
    if (calls > 1) {
      long baseSteady = median(without, Sample::steadyMicros);
      long agentSteady = median(with, Sample::steadyMicros);
      System.out.printf("steady SDK call rate, median: without %.0f rounds/s, with credscope %.0f rounds/s, "
          + "ratio %.3f%n", (calls - 1) * 1e6 / baseSteady, (calls - 1) * 1e6 / agentSteady,
          (double) baseSteady / agentSteady);
    }
    if (Files.isExecutable(GNU_TIME)) {
      long baseRss = median(without, Sample::maxRssKb);
      long agentRss = median(with, Sample::maxRssKb);
      System.out.printf("peak RSS, median: without %d MB, with credscope %d MB, difference %+.1f MB%n",
          baseRss / 1024, agentRss / 1024, (agentRss - baseRss) / 1024.0);
      long baseCpu = median(without, Sample::cpuMillis);
      long agentCpu = median(with, Sample::cpuMillis);
      System.out.printf("CPU time, median: without %d ms, with credscope %d ms, ratio %.3f%n", baseCpu, agentCpu,
          (double) agentCpu / baseCpu);
    }
  }

  private static AppLaunch launch(Scenario scenario, FakeAws aws, Path work, Path demoJar, String java, int calls,
      Path agentJar, String agentArguments) throws Exception {
    return new AppLaunch(scenario, aws, work).java(java).classPath(demoJar.toString()).calls(calls)
        .agent(agentJar, agentArguments);
  }

  private static Sample measure(AppLaunch launch) throws Exception {
    Path rss = launch.workDirectory().resolve("rss.txt");
    ProcessBuilder builder = launch.processBuilder();
    if (Files.isExecutable(GNU_TIME)) {
      List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M %U %S", "-o", rss.toString()));
      timed.addAll(builder.command());
      builder.command(timed);
    }
    Path out = launch.workDirectory().resolve("stdout.txt");
    builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException("the application failed (exit " + exit + "): " + builder.command());
    }
    long maxRss = 0;
    long cpuMillis = 0;
    if (Files.exists(rss)) {
      String[] resources = Files.readString(rss, StandardCharsets.UTF_8).trim().split("\\s+");
      maxRss = Long.parseLong(resources[0]);
      cpuMillis = Math.round((Double.parseDouble(resources[1]) + Double.parseDouble(resources[2])) * 1000);
    }
    Matcher steady = STEADY.matcher(Files.readString(out, StandardCharsets.UTF_8));
    return new Sample(millis, maxRss, cpuMillis, steady.find() ? Long.parseLong(steady.group(2)) : 0);
  }

  private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> metric) {
    List<Long> values = new ArrayList<>();
    for (Sample sample : samples) {
      values.add(metric.applyAsLong(sample));
    }
    Collections.sort(values);
    return values.get(values.size() / 2);
  }
}
