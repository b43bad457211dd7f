package io.credscope.demo.app;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application under observation: ordinary SDK code that builds STS, S3 and DynamoDB clients
 * with each SDK's default credentials chain and calls them; and, with {@code --raw}, code that
 * calls AWS without an SDK, signing each request by hand with the keys of its own configuration
 * ({@link StaticKeys}), through plain HTTP clients. Nothing in it knows about credscope; which
 * credentials it ends up with depends only on the environment the demo gives it.
 *
 * <pre>DemoApp --sts URL --s3 URL --dynamodb URL --ec2 URL [--sdk v2,v1|none] [--calls N]
 *     [--credentials default|static|custom|literal|profile|mixed]
 *     [--sdk-http apache|url-connection|apache5|netty]
 *     [--legacy-metadata URL]
 *     [--raw CLIENT,... --raw-service dynamodb|sts|s3|ec2 [--concurrency K] [--raw-body bytes|stream]
 *      [--raw-signed-ago SECONDS] [--raw-timeout MILLIS]]
 *     [--until-stopped STOP_FILE|stdin]</pre>
 *
 * With {@code --until-stopped}, a JVM for attaching to: the SDKs' clients make round after round, until the stop
 * file exists or standard input ends; it prints {@code ready PID} once each SDK has made its first round.
 *
 * <p>With {@code --raw}, each client makes N calls one after another, or with {@code --concurrency}
 * K calls at once. The exit code is 0 when every call succeeded, 3 when an AWS call got an HTTP
 * error and nothing failed otherwise, 1 when anything failed.
 */
public final class DemoApp {

  private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

  private DemoApp() {
  }

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    LOG.info("application logging through {} ({})", loggingBackend(),
        LoggerFactory.getILoggerFactory().getClass().getName());
    Endpoints endpoints = new Endpoints(URI.create(options.get("--sts")), URI.create(options.get("--s3")),
        URI.create(options.get("--dynamodb")), URI.create(options.get("--ec2")));
    int rounds = Integer.parseInt(options.getOrDefault("--calls", "3"));
    boolean failed = false;
    CredentialsMode credentials = CredentialsMode.of(options.getOrDefault("--credentials", "default"));
    SdkV2HttpClient sdkV2Http = SdkV2HttpClient.of(options.getOrDefault("--sdk-http", "apache"));
    if (options.containsKey("--legacy-metadata")) {
      try {
        LOG.info("legacy metadata client: this is instance {}",
            LegacyMetadata.instanceId(options.get("--legacy-metadata")));
      } catch (IOException e) {
        LOG.error("legacy metadata client failed: {}", e.toString());
        failed = true;
      }
    }
    String sdks = options.getOrDefault("--sdk", "v2");
    if (options.containsKey("--until-stopped")) {
      System.exit(untilStopped(sdks, endpoints, credentials, sdkV2Http, options.get("--until-stopped")));
    }
    for (String sdk : sdks.equals("none") ? new String[0] : sdks.split(",")) {
      StaticKeys keys = credentials.readsKeys() ? StaticKeys.fromConfiguration() : null;
      try (Workload workload = workload(sdk.trim(), endpoints, credentials, keys, sdkV2Http)) {
        LOG.info("SDK {}: AWS SDK for Java {}", workload.sdk(), workload.sdkVersion());
        long first = System.nanoTime();
        String caller = workload.round();
        LOG.info("SDK {}: first round in {} us", workload.sdk(), (System.nanoTime() - first) / 1000);
        LOG.info("SDK {}: sts:GetCallerIdentity says this application is {}", workload.sdk(), caller);
        if (rounds > 1) {
          long start = System.nanoTime();
          for (int round = 1; round < rounds; round++) {
            workload.round();
          }
          // Rounds after the first: the application's steady call rate, start-up aside.
          LOG.info("steady state: {} rounds in {} us", rounds - 1, (System.nanoTime() - start) / 1000);
        }
        LOG.info("SDK {}: made {} calls each to STS, S3 and DynamoDB", workload.sdk(), rounds);
      } catch (RuntimeException e) {
        LOG.error("SDK {}: AWS call failed: {}", sdk, e.getMessage());
        failed = true;
      }
    }
    RawCalls.Outcome raw =
        options.containsKey("--raw") ? rawCalls(options, endpoints, rounds) : RawCalls.Outcome.SUCCESS;
    int exitCode = failed ? 1 : raw.exitCode();
    if (options.containsKey("--linger")) {
      linger(options.get("--linger"));
    }
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** Rounds of every SDK's calls, one SDK after the other, until told to stop: 0 when every call succeeded. */
  private static int untilStopped(String sdks, Endpoints endpoints, CredentialsMode credentials,
      SdkV2HttpClient sdkV2Http, String stop) {
    List<Workload> workloads = new ArrayList<>();
    StopSignal signal = StopSignal.of(stop);
    long rounds = 0;
    try {
      for (String sdk : sdks.split(",")) {
        StaticKeys keys = credentials.readsKeys() ? StaticKeys.fromConfiguration() : null;
        Workload workload = workload(sdk.trim(), endpoints, credentials, keys, sdkV2Http);
        workloads.add(workload);
        LOG.info("SDK {}: sts:GetCallerIdentity says this application is {}", workload.sdk(), workload.round());
      }
      System.out.println("ready " + ProcessHandle.current().pid());
      System.out.flush();
      while (!signal.stopped()) {
        for (Workload workload : workloads) {
          workload.round();
        }
        rounds++;
        Thread.sleep(100);
      }
      LOG.info("stopped after {} more rounds", rounds);
      return 0;
    } catch (RuntimeException e) {
      LOG.error("AWS call failed after {} rounds: {}", rounds, e.toString());
      return 1;
    } catch (InterruptedException e) {
      return 1;
    } finally {
      for (Workload workload : workloads) {
        workload.close();
      }
    }
  }

  /**
   * Keeps the JVM, and so credscope's endpoints, alive once the work is done, for a test to scrape or query them:
   * until standard input closes ({@code --linger stdin}).
   */
  private static void linger(String until) {
    if (!until.equals("stdin")) {
      throw new IllegalArgumentException("--linger takes stdin, not '" + until + "'");
    }
    LOG.info("lingering until standard input closes");
    try {
      while (System.in.read() >= 0) {
        // Only the end of the input counts.
      }
    } catch (IOException closed) {
      // Closed one way or another: done lingering.
    }
  }

  private static RawCalls.Outcome rawCalls(Map<String, String> options, Endpoints endpoints, int rounds) {
    RawCalls.Outcome outcome = RawCalls.Outcome.SUCCESS;
    try {
      if (!options.containsKey("--raw-service")) {
        throw new IllegalArgumentException("--raw needs --raw-service dynamodb, sts, s3 or ec2");
      }
      RawOperation operation = RawOperation.of(options.get("--raw-service"));
      String body = options.getOrDefault("--raw-body", "bytes");
      if (!body.equals("bytes") && !body.equals("stream")) {
        throw new IllegalArgumentException("--raw-body takes bytes or stream, not '" + body + "'");
      }
      Duration signedAgo = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--raw-signed-ago", "0")));
      Duration timeout = options.containsKey("--raw-timeout")
          ? Duration.ofMillis(Long.parseLong(options.get("--raw-timeout"))) : null;
      RawCalls calls = new RawCalls(operation, operation.endpoint(endpoints),
          new RawSigner(StaticKeys.fromConfiguration(), "us-east-1"), body.equals("stream"), signedAgo, timeout);
      int concurrency = Integer.parseInt(options.getOrDefault("--concurrency", "0"));
      for (String name : options.get("--raw").split(",")) {
        try (RawClient client = RawClient.named(name.trim())) {
          outcome = outcome.worse(concurrency > 0 ? calls.allAtOnce(client, concurrency)
              : calls.oneAfterAnother(client, rounds));
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("raw calls failed: {}", e.toString());
      return RawCalls.Outcome.FAILURE;
    }
    return outcome;
  }

  private static Workload workload(String sdk, Endpoints endpoints, CredentialsMode credentials, StaticKeys keys,
      SdkV2HttpClient sdkV2Http) {
    return switch (sdk) {
      case "v2" -> sdkV2Http.workload(endpoints, credentials, keys);
      case "v1" -> new SdkV1Workload(endpoints, credentials, keys);
      default -> throw new IllegalArgumentException("unknown SDK '" + sdk + "'; use v1, v2, both: v2,v1, or none");
    };
  }

  /** The jar the application's own Logback came from: credscope must leave it in charge. */
  private static String loggingBackend() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      return "an unexpected SLF4J binding";
    }
    try {
      Path jar = Paths.get(LoggerContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getFileName().toString();
    } catch (Exception e) {
      return "logback-classic (location unknown)";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--sts", "--s3", "--dynamodb", "--ec2")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required + " URL");
      }
    }
    return options;
  }
}
