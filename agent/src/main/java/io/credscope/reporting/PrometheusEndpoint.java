package io.credscope.reporting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The meters in the Prometheus text format at {@code /metrics}, served by the JDK's own HTTP server, so that no HTTP
 * library is shaded in for it. Its requests run on one daemon thread of credscope's, never the application's.
 */
final class PrometheusEndpoint implements Closeable {

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;
  private final ExecutorService requests;

  private PrometheusEndpoint(InetSocketAddress address) throws IOException {
    server = HttpServer.create(new InetSocketAddress(address.getHostString(), address.getPort()), 8);
    requests = Executors.newSingleThreadExecutor(new ThreadFactory() {
      @Override
      public Thread newThread(Runnable scrape) {
        Thread thread = new Thread(scrape, "credscope-prometheus");
        thread.setDaemon(true);
        return thread;
      }
    });
    server.setExecutor(requests);
    server.createContext("/metrics", new HttpHandler() {
      @Override
      public void handle(HttpExchange exchange) throws IOException {
        try {
          byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        } finally {
          exchange.close();
        }
      }
    });
  }

  /**
   * Listens at the address, or says in one line why it cannot and answers {@code null}: a busy port costs the
   * endpoint, never the agent or the application.
   */
  static PrometheusEndpoint start(InetSocketAddress address) {
    String where = address.getHostString() + ":" + address.getPort();
    try {
      PrometheusEndpoint endpoint = new PrometheusEndpoint(address);
      endpoint.startDaemon();
      AgentLogging.logger().info("serving Prometheus metrics at http://{}/metrics", where);
      return endpoint;
    } catch (IOException | RuntimeException | LinkageError e) {
      Diagnostics.error("cannot serve Prometheus metrics on " + where + " (" + e + "); the metrics go to the other "
          + "outputs, if any");
      return null;
    }
  }

  /**
   * The JDK server's dispatcher thread takes its daemon flag from the thread that starts it: started here, on a
   * daemon of credscope's, it never keeps the application's JVM alive.
   */
  private void startDaemon() {
    Thread starter = new Thread(new Runnable() {
      @Override
      public void run() {
        server.start();
      }
    }, "credscope-prometheus-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  MeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
    registry.close();
  }
}
