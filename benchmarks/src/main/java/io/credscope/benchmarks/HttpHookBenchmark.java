package io.credscope.benchmarks;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.http.CallCount;
import io.credscope.http.CallRetries;
import io.credscope.http.HttpCallRecorder;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.retry.Jitter;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryBudget;
import io.credscope.retry.RetryPolicy;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.handler.ClientExecutionParams;

/**
 * What the agent adds to every request of every hooked HTTP client: the advice hands the request's
 * host, query and {@code Authorization} header to {@link HttpCallRecorder#exchange}. A call that is
 * not for AWS must cost at most 100 ns and allocate nothing; so must an AWS call, signed with an
 * attributed key, whose credential scope was seen before: a table lookup and a counter increment.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpHookBenchmark {

  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/"
      + "dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
      + "Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @State(Scope.Benchmark)
  public static class Hook {
    HttpCallRecorder recorder;
    CallRetries retries;
    final ClientExecutionParams<?, ?> sdkCall = new ClientExecutionParams<>().withOperationName("GetItem");

    @Setup(Level.Trial)
    public void setUp() {
      // The key is one an SDK provider handed out, as in an application: only attributed keys take the fast path.
      CredentialsRecorder credentials = new CredentialsRecorder(CredentialChainModel.ALL, event -> { },
          Clock.systemUTC());
      StaticCredentialsProvider provider = StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
      credentials.credentialsProvided(provider, provider.resolveCredentials());
      // Backoff on, as by default: a plain call pays for the scope whether or not an AWS call could be retried.
      retries = new CallRetries(new Retrier(new RetryPolicy(1000, 20_000, 4, Jitter.FULL), RetryBudget.ofTokens(500),
          RetryPolicy.RANDOM, Clock.systemUTC()), event -> { }, Clock.systemUTC());
      recorder = new HttpCallRecorder(credentials::resolutionOf, event -> { }, Clock.systemUTC(), new Properties(),
          Collections.emptyMap(), retries);
      // The first sighting of the AWS call emits its record; every later one is only counted.
      recorder.exchange("apache-httpclient-4", "POST", "dynamodb.us-east-1.amazonaws.com", 443, null, AUTHORIZATION,
          null, 200, null);
    }

    @TearDown(Level.Trial)
    public void checkPaths(BenchmarkParams params) {
      // Proves the SDK call hook read the operation's name: a nested call finds it as the one around it.
      String outer = recorder.sdkOperationStarted(sdkCall);
      String inner = recorder.sdkOperationStarted(sdkCall);
      recorder.sdkOperationEnded(inner);
      recorder.sdkOperationEnded(outer);
      if (!"GetItem".equals(inner)) {
        throw new IllegalStateException("the SDK call hook read no operation: " + inner);
      }
      // Proves the AWS benchmark reached the counting path, and that plain calls never did.
      List<CallCount> counts = recorder.callCounts();
      boolean aws = params.getBenchmark().endsWith(".awsCallSeenBefore")
          || params.getBenchmark().endsWith(".awsCallInItsCallHook");
      if (counts.size() != 1 || !counts.get(0).service().equals("dynamodb")
          || (aws ? counts.get(0).count() < 2 : counts.get(0).count() != 1)) {
        throw new IllegalStateException("the measured calls missed the paths they are named for: " + counts);
      }
    }
  }

  /** A request that is not for AWS: no SigV4 header, no presigned query, not the metadata service. */
  @Benchmark
  public boolean plainCall(Hook hook) {
    return hook.recorder.exchange("apache-httpclient-4", "GET", "api.example.com", 443, "page=2", null, null, 200,
        null);
  }

  /**
   * A request that is not for AWS through a client that also has the call hook, which retries: Apache HttpClient
   * 4 and 5, OkHttp. The scope is opened and closed around the wire hook.
   */
  @Benchmark
  public boolean plainCallInItsCallHook(Hook hook) {
    Object scope = hook.retries.callStarted();
    hook.recorder.exchange("apache-httpclient-4", "GET", "api.example.com", 443, "page=2", null, null, 200, null);
    return hook.retries.callAnswered(scope, null);
  }

  /**
   * A successful signed DynamoDB call through such a client: the wire hook, then the retry decision, which finds
   * a success and only counts it.
   */
  @Benchmark
  public long awsCallInItsCallHook(Hook hook) {
    Object scope = hook.retries.callStarted();
    hook.recorder.exchange("apache-httpclient-4", "POST", "dynamodb.us-east-1.amazonaws.com", 443, null,
        AUTHORIZATION, null, 200, null);
    return hook.retries.callAnswered(scope, null)
        ? hook.retries.retryDelay(scope, "DynamoDB_20120810.GetItem", null, null, null, null, null, true) : -2;
  }

  /**
   * The hook around each synchronous SDK call, an SDK v2 call here: the operation's name read from the SDK's own
   * execution parameters through cached reflection, and the thread's current operation set and then restored.
   */
  @Benchmark
  public String sdkCallInItsOperationHook(Hook hook) {
    String outer = hook.recorder.sdkOperationStarted(hook.sdkCall);
    hook.recorder.sdkOperationEnded(outer);
    return outer;
  }

  /** A signed DynamoDB call of a (key, service, region) already seen. */
  @Benchmark
  public boolean awsCallSeenBefore(Hook hook) {
    return hook.recorder.exchange("apache-httpclient-4", "POST", "dynamodb.us-east-1.amazonaws.com", 443, null,
        AUTHORIZATION, null, 200, null);
  }
}
