package io.credscope.demo.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls AWS without an SDK: one operation, signed by hand, through one HTTP client at a time, with
 * no retry of any kind. Logs one line per call, and no key material.
 */
final class RawCalls {

  private static final Logger LOG = LoggerFactory.getLogger(RawCalls.class);

  /** How the calls went, mildest first: a failure outranks an HTTP error. */
  enum Outcome {
    SUCCESS(0), HTTP_ERROR(3), FAILURE(1);

    private final int exitCode;

    Outcome(int exitCode) {
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }

    Outcome worse(Outcome other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  private final RawOperation operation;
  private final URI endpoint;
  private final RawSigner signer;

  /** @param streamed whether each request's body goes to the client as a stream it can read only once */
  private final boolean streamed;

  /** How long before it is sent each request was signed: a signature's age, as when a request is queued. */
  private final Duration signedAgo;
  /** Each call's own time limit, or {@code null}. */
  private final Duration timeout;

  RawCalls(RawOperation operation, URI endpoint, RawSigner signer, boolean streamed, Duration signedAgo,
      Duration timeout) {
    this.operation = operation;
    this.endpoint = endpoint;
    this.signer = signer;
    this.streamed = streamed;
    this.signedAgo = signedAgo;
    this.timeout = timeout;
  }

  /** A request signed {@code signedAgo} before now. */
  private RawRequest request() {
    RawRequest request = operation.request(endpoint, signer, Instant.now().minus(signedAgo)).within(timeout);
    return streamed ? request.asStream() : request;
  }

  /** {@code count} calls, each signed just before it is sent, each waiting for the one before. */
  Outcome oneAfterAnother(RawClient client, int count) {
    Outcome outcome = Outcome.SUCCESS;
    for (int call = 0; call < count; call++) {
      try {
        outcome = outcome.worse(report(client, client.send(request())));
      } catch (IOException | RuntimeException e) {
        outcome = outcome.worse(failed(client, e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome.worse(failed(client, e));
      }
    }
    return outcome;
  }

  /**
   * {@code count} calls started together, none awaited before all are under way; then the JVM's
   * peak number of live threads while they ran, which shows what each call costs in threads.
   */
  Outcome allAtOnce(RawClient client, int count) {
    List<RawRequest> requests = new ArrayList<>();
    for (int call = 0; call < count; call++) {
      requests.add(request());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    threads.resetPeakThreadCount();
    List<CompletableFuture<RawResponse>> calls = new ArrayList<>();
    for (RawRequest request : requests) {
      calls.add(client.start(request));
    }
    Outcome outcome = Outcome.SUCCESS;
    for (CompletableFuture<RawResponse> call : calls) {
      try {
        outcome = outcome.worse(report(client, call.join()));
      } catch (CompletionException e) {
        outcome = outcome.worse(failed(client, e.getCause()));
      }
    }
    LOG.info("raw {}: {} calls done, peak live threads {}", client.name(), count, threads.getPeakThreadCount());
    return outcome;
  }

  private Outcome report(RawClient client, RawResponse response) {
    String code = response.successful() || response.errorCode().isEmpty() ? "" : " " + response.errorCode();
    LOG.info("raw {} {} {}: HTTP {}{}", client.name(), operation.service(), operation.operation(), response.status(),
        code);
    return response.successful() ? Outcome.SUCCESS : Outcome.HTTP_ERROR;
  }

  private Outcome failed(RawClient client, Throwable e) {
    LOG.error("raw {} {} {} failed: {}", client.name(), operation.service(), operation.operation(), e.toString());
    return Outcome.FAILURE;
  }
}
