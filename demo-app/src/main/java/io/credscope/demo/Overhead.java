package io.credscope.demo;

import io.credscope.demo.fakeaws.FakeAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whole-process comparison of the application JVM with and without credscope, measured in the same
 * run, alternating, against the same fakes: wall time from process start to exit, and peak RSS
 * (through {@code /usr/bin/time}, where the machine has it). Reports medians and ratios.
 *
 * <pre>java -cp demo-app/target/credscope-demo.jar io.credscope.demo.Overhead [--runs N] [--calls N]
 *     [--scenario NAME] [--agent JAR] [--agent-args K=V,...] [--java PATH]</pre>
 */
public final class Overhead {

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private Overhead() {
  }

  record Sample(long millis, long maxRssKb) {
  }

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
    if (Files.isExecutable(GNU_TIME)) {
      long baseRss = median(without, Sample::maxRssKb);
      long agentRss = median(with, Sample::maxRssKb);
      System.out.printf("peak RSS, median: without %d MB, with credscope %d MB, difference %+.1f MB%n",
          baseRss / 1024, agentRss / 1024, (agentRss - baseRss) / 1024.0);
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
      List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
      timed.addAll(builder.command());
      builder.command(timed);
    }
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException("the application failed (exit " + exit + "): " + builder.command());
    }
    long maxRss = Files.exists(rss) ? Long.parseLong(Files.readString(rss, StandardCharsets.UTF_8).trim()) : 0;
    return new Sample(millis, maxRss);
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
