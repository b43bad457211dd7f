package io.credscope.demo.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code java.net.http.HttpClient}, through {@code send} ({@code jdk-send}) or {@code sendAsync}
 * ({@code jdk-async}). The async one runs on a pool of two threads, however many calls are under
 * way, as a service that bounds its threads configures it.
 */
final class JdkRawClient implements RawClient {

  private final String name;
  private final ExecutorService executor;
  private final HttpClient http;

  private JdkRawClient(String name, ExecutorService executor) {
    this.name = name;
    this.executor = executor;
    HttpClient.Builder builder = HttpClient.newBuilder();
    if (executor != null) {
      builder.executor(executor);
    }
    this.http = builder.build();
  }

  static JdkRawClient blocking() {
    return new JdkRawClient("jdk-send", null);
  }

  static JdkRawClient async() {
    return new JdkRawClient("jdk-async", Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "raw-jdk-async");
      thread.setDaemon(true);
      return thread;
    }));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RawResponse send(RawRequest request) throws IOException, InterruptedException {
    if (executor == null) {
      HttpResponse<String> response = http.send(message(request), HttpResponse.BodyHandlers.ofString());
      return new RawResponse(response.statusCode(), response.body());
    }
    try {
      return start(request).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public CompletableFuture<RawResponse> start(RawRequest request) {
    if (executor == null) {
      return RawClient.super.start(request);
    }
    return http.sendAsync(message(request), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> new RawResponse(response.statusCode(), response.body()));
  }

  private static HttpRequest message(RawRequest request) {
    HttpRequest.BodyPublisher body = !request.sendsBody() ? HttpRequest.BodyPublishers.noBody()
        : request.streamed() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
        : HttpRequest.BodyPublishers.ofByteArray(request.body());
    HttpRequest.Builder message = HttpRequest.newBuilder(request.uri()).method(request.method(), body);
    request.headers().forEach(message::header);
    if (request.timeout() != null) {
      message.timeout(request.timeout());
    }
    return message.build();
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
