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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fake endpoint on 127.0.0.1 at a random port. Subclasses answer requests; this class counts
 * them and, when told to, throttles the next N requests in the service's real throttling shape.
 */
public abstract class FakeService implements AutoCloseable {

  static {
    // Without it the JDK server's separate header and body writes meet the client's delayed ACK,
    // and every call takes ~40 ms: the fakes, not the code under test, would set the pace.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger throttleNext = new AtomicInteger();

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

  /** Answers the next {@code count} requests with this service's throttling error. */
  public void throttleNext(int count) {
    throttleNext.set(count);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      byte[] body = readBody(exchange);
      if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throttle(exchange);
      } else {
        handle(exchange, new String(body, StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      respond(exchange, 500, "text/plain", "fake failed: " + e);
    }
  }

  protected abstract void handle(HttpExchange exchange, String body) throws IOException;

  /** This service's throttling response, exactly as the real service shapes it. */
  protected abstract void throttle(HttpExchange exchange) throws IOException;

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
