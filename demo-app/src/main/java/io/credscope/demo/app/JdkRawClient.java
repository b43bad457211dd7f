package io.credscope.demo.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java.net.http.HttpClient}, through {@code send} ({@code jdk-send}) or {@code sendAsync}
 * ({@code jdk-async}). The async one runs on a pool of two threads, however many calls are under
 * way, as a service that bounds its threads configures it.
 */
final class JdkRawClient implements RawClient {

  private static final Logger LOG = LoggerFactory.getLogger(JdkRawClient.class);

  private final String name;
  private final ExecutorService executor;
  private final HttpClient http;
  /**
   * Every answer handed to the application's body handler, as its status; one per call however often a call was
   * sent, since a handler that consumes or streams a body must see one answer only.
   */
  private final List<Integer> handled = Collections.synchronizedList(new ArrayList<>());

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
      HttpResponse<String> response = http.send(message(request), this::handle);
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
    return http.sendAsync(message(request), this::handle)
        .thenApply(response -> new RawResponse(response.statusCode(), response.body()));
  }

  private HttpResponse.BodySubscriber<String> handle(HttpResponse.ResponseInfo answer) {
    handled.add(answer.statusCode());
    return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
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
    LOG.info("raw {}: body handler applied to {}", name, handled);
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
