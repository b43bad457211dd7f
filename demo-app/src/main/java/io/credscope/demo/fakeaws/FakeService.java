package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fake endpoint on 127.0.0.1 at a random port. Subclasses answer requests; this class counts
 * them, notes when each arrived and, when told to, throttles or rejects the next N requests in the
 * service's real error shapes.
 */
public abstract class FakeService implements AutoCloseable {

  static {
    // Without it the JDK server's separate header and body writes meet the client's delayed ACK,
    // and every call takes ~40 ms: the fakes, not the code under test, would set the pace.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int FOREVER = Integer.MAX_VALUE;
  static final int ARRIVALS_KEPT = 10_000;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger rejectNext = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();
  private final Deque<Long> arrivals = new ArrayDeque<>();
  /** Negative until told otherwise: throttling responses then carry no {@code Retry-After}. */
  private volatile int retryAfterSeconds = -1;

  protected FakeService(String name) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start fake " + name, e);
    }
    executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "fake-" + name);
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Requests answered so far, throttled ones included. */
  public int requests() {
    return requests.get();
  }

  /**
   * Answers the next {@code count} requests with this service's throttling error;
   * {@link Integer#MAX_VALUE} throttles every request from now on.
   */
  public void throttleNext(int count) {
    throttleNext.set(count);
  }

  /** Throttles every request from now on: a caller that retries must give up by itself. */
  public void throttleForever() {
    throttleNext(FOREVER);
  }

  /**
   * Answers the next {@code count} requests with this service's validation error, a 400 no client
   * may retry; throttling, when also set, comes first.
   */
  public void rejectNext(int count) {
    rejectNext.set(count);
  }

  /**
   * Answers the next {@code count} requests with HTTP 500 {@code InternalFailure}, which may come after a server
   * applied a request; throttling and validation errors, when also set, come first.
   */
  public void failNext(int count) {
    failNext.set(count);
  }

  /** Makes every throttling response from now on carry {@code Retry-After: seconds}. */
  public void retryAfterSeconds(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("Retry-After cannot be negative: " + seconds);
    }
    retryAfterSeconds = seconds;
  }

  /**
   * {@link System#nanoTime()} at the arrival of each request, oldest first: the last
   * {@value #ARRIVALS_KEPT} only, so that a long run cannot exhaust the heap.
   */
  public List<Long> arrivals() {
    synchronized (arrivals) {
      return new ArrayList<>(arrivals);
    }
  }

  void recordArrival(long nanoTime) {
    synchronized (arrivals) {
      if (arrivals.size() == ARRIVALS_KEPT) {
        arrivals.removeFirst();
      }
      arrivals.addLast(nanoTime);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      recordArrival(System.nanoTime());
      byte[] body = readBody(exchange);
      if (takeOne(throttleNext)) {
        int retryAfter = retryAfterSeconds;
        if (retryAfter >= 0) {
          exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
        }
        throttle(exchange);
      } else if (takeOne(rejectNext)) {
        reject(exchange);
      } else if (takeOne(failNext)) {
        fail(exchange);
      } else {
        handle(exchange, new String(body, StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      respond(exchange, 500, "text/plain", "fake failed: " + e);
    }
  }

  /** Whether a request is due for the answer this counter stands for; {@link #FOREVER} never runs out. */
  private static boolean takeOne(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n == FOREVER ? n : Math.max(0, n - 1)) > 0;
  }

  protected abstract void handle(HttpExchange exchange, String body) throws IOException;

  /** This service's throttling response, exactly as the real service shapes it. */
  protected abstract void throttle(HttpExchange exchange) throws IOException;

  /** This service's answer to a request that fails validation (HTTP 400), exactly as the real service shapes it. */
  protected abstract void reject(HttpExchange exchange) throws IOException;

  /** An internal failure as the Query protocol shapes it; the status, not the code, makes it a server error. */
  protected void fail(HttpExchange exchange) throws IOException {
    respond(exchange, 500, "text/xml", "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>"
        + "<Message>The request processing has failed because of an unknown error.</Message></Error></ErrorResponse>");
  }

  protected static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + Integer.toHexString(body.hashCode()));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
