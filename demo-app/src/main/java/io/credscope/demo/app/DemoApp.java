package io.credscope.demo.app;

import ch.qos.logback.classic.LoggerContext;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The application under observation: ordinary SDK v2 code that builds STS, S3 and DynamoDB clients
 * with the default credentials chain and calls them. Nothing in it knows about credscope; which
 * credentials it ends up with depends only on the environment the demo gives it.
 */
public final class DemoApp {

  private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

  private DemoApp() {
  }

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    LOG.info("application logging through {} ({})", loggingBackend(), LoggerFactory.getILoggerFactory().getClass().getName());
    int calls = Integer.parseInt(options.getOrDefault("--calls", "3"));
    try (SdkHttpClient http = ApacheHttpClient.builder().build();
         StsClient sts = StsClient.builder().httpClient(http).region(Region.US_EAST_1)
             .endpointOverride(URI.create(options.get("--sts"))).build();
         S3Client s3 = S3Client.builder().httpClient(http).region(Region.US_EAST_1).forcePathStyle(true)
             .endpointOverride(URI.create(options.get("--s3"))).build();
         DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1)
             .endpointOverride(URI.create(options.get("--dynamodb"))).build()) {
      String caller = null;
      long steadyStart = 0;
      for (int call = 1; call <= calls; call++) {
        if (call == 2) {
          steadyStart = System.nanoTime();
        }
        caller = sts.getCallerIdentity().arn();
        int buckets = s3.listBuckets().buckets().size();
        List<String> tables = dynamoDb.listTables().tableNames();
        if (call == 1) {
          LOG.info("sts:GetCallerIdentity says this application is {}", caller);
          LOG.info("s3:ListBuckets found {} bucket(s); dynamodb:ListTables found {}", buckets, tables);
        }
      }
      LOG.info("made {} calls each to STS, S3 and DynamoDB as {}", calls, caller);
      if (calls > 1) {
        // Rounds after the first: what the application's steady call rate is, start-up aside.
        LOG.info("steady state: {} rounds in {} us", calls - 1, (System.nanoTime() - steadyStart) / 1000);
      }
    } catch (SdkException e) {
      LOG.error("AWS call failed: {}", e.getMessage());
      System.exit(1);
    }
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
    for (String required : List.of("--sts", "--s3", "--dynamodb")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required + " URL");
      }
    }
    return options;
  }
}
