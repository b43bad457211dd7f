package io.credscope.http;

import io.credscope.credentials.Sdk;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.findings.FindingType;
import io.credscope.recorder.CallPath;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Calls to the instance metadata service, told apart: a token request ({@code PUT}), an IMDSv2 read (with the
 * token) and an IMDSv1 read (without). IMDSv2 traffic is only counted. An IMDSv1 read is {@code IMDSV1_CALL}, once
 * per code location; when the same client's token request failed shortly before, it is the SDKs' silent fallback,
 * {@code IMDSV1_FALLBACK}. IMDS calls are rare (start-up, then a credentials refresh every few hours), so each
 * IMDSv1 read and each failed token request may pay for a stack walk.
 */
final class ImdsTraffic {

  /** How long after a failed token request a token-less read of the same client counts as its fallback. */
  static final long FALLBACK_WINDOW_MILLIS = 60_000;
  /** Code locations remembered for de-duplication; beyond this, IMDSv1 reads are counted but not reported. */
  static final int MAX_LOCATIONS = 256;

  private final Consumer<Event> events;
  private final Clock clock;
  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder failedTokenRequests = new LongAdder();
  private final LongAdder v2Reads = new LongAdder();
  private final LongAdder v1Reads = new LongAdder();
  /** The last failed token request of each client (library and SDK), in epoch millis, and its outcome. */
  private final ConcurrentMap<String, FailedToken> failedTokens = new ConcurrentHashMap<String, FailedToken>();
  private final Set<String> reported = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

  ImdsTraffic(Consumer<Event> events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** A finished exchange with IMDS, on the thread that made it. */
  void exchange(String library, String method, String host, boolean token, int status, Throwable failure) {
    if ("PUT".equals(method)) {
      tokenRequests.increment();
      if (failed(status, failure)) {
        tokenFailed(client(library, CallPath.sdk(new Throwable().getStackTrace())), status, failure);
      }
    } else if ("GET".equals(method)) {
      if (token) {
        v2Reads.increment();
      } else {
        v1Reads.increment();
        tokenless(library, host, new Throwable().getStackTrace());
      }
    }
  }

  /**
   * An asynchronous exchange with IMDS started: the read is judged now, on the calling thread, whose stack tells
   * who made it; a token request is judged when it completes.
   *
   * @return what to call with the status when the exchange completes, or {@code null} when nothing waits for it
   */
  Completion started(final String library, String method, String host, boolean token) {
    if ("PUT".equals(method)) {
      tokenRequests.increment();
      final String client = client(library, CallPath.sdk(new Throwable().getStackTrace()));
      return new Completion() {
        @Override
        public void completed(int status, Throwable failure) {
          if (failed(status, failure)) {
            tokenFailed(client, status, failure);
          }
        }
      };
    }
    exchange(library, method, host, token, 200, null);
    return null;
  }

  /** Told the status of an exchange that completed on another thread. */
  interface Completion {
    void completed(int status, Throwable failure);
  }

  private static boolean failed(int status, Throwable failure) {
    return status < 0 || status >= 400;
  }

  private void tokenFailed(String client, int status, Throwable failure) {
    failedTokenRequests.increment();
    String outcome = status > 0 ? "HTTP " + status : failure == null ? "no response" : failure.getClass().getSimpleName();
    failedTokens.put(client, new FailedToken(clock.millis(), outcome));
  }

  private void tokenless(String library, String host, StackTraceElement[] stack) {
    String sdk = CallPath.sdk(stack);
    StackTraceElement frame = CallPath.application(stack);
    String location = frame == null ? null : CallPath.format(frame);
    String client = client(library, sdk);
    FailedToken failedToken = failedTokens.get(client);
    boolean fallback = failedToken != null && clock.millis() - failedToken.atMillis <= FALLBACK_WINDOW_MILLIS;
    FindingType type = fallback ? FindingType.IMDSV1_FALLBACK : FindingType.IMDSV1_CALL;
    String dedupe = type.id() + '|' + (location == null ? client : location);
    if (reported.size() >= MAX_LOCATIONS || !reported.add(dedupe)) {
      return;
    }
    String by = library + (sdk == null ? "" : " in AWS SDK " + sdk);
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("library", by);
    evidence.put("endpoint", host);
    if (location != null) {
      evidence.put("location", location);
    }
    String where = location == null ? "" : ", from " + location;
    if (fallback) {
      evidence.put("tokenRequest", failedToken.outcome);
      events.accept(new Finding(clock.instant(), type.id(), type.severity(), sdkOf(sdk), null, null, null,
          by + " asked the instance metadata service at " + host + " for a session token, got " + failedToken.outcome
              + ", and fell back to an IMDSv1 read without a token" + where,
          "let the token request through (in a container, raise the hop limit: aws ec2 "
              + "modify-instance-metadata-options --http-put-response-hop-limit 2), then switch the fallback off "
              + "with AWS_EC2_METADATA_V1_DISABLED=true and require IMDSv2 (--http-tokens required)", evidence));
    } else {
      events.accept(new Finding(clock.instant(), type.id(), type.severity(), sdkOf(sdk), null, null, null,
          by + " read from the instance metadata service at " + host + " without a session token (IMDSv1)" + where,
          "ask for a token first (PUT /latest/api/token) and send it as X-aws-ec2-metadata-token, or use an AWS "
              + "SDK's metadata client; then require IMDSv2: aws ec2 modify-instance-metadata-options "
              + "--http-tokens required", evidence));
    }
  }

  private static Sdk sdkOf(String sdk) {
    return sdk == null ? null : sdk.equals("v2") ? Sdk.V2 : Sdk.V1;
  }

  private static String client(String library, String sdk) {
    return sdk == null ? library : library + "|" + sdk;
  }

  long tokenRequests() {
    return tokenRequests.sum();
  }

  long failedTokenRequests() {
    return failedTokenRequests.sum();
  }

  long v2Reads() {
    return v2Reads.sum();
  }

  long v1Reads() {
    return v1Reads.sum();
  }

  private static final class FailedToken {
    final long atMillis;
    final String outcome;

    FailedToken(long atMillis, String outcome) {
      this.atMillis = atMillis;
      this.outcome = outcome;
    }
  }
}
