package io.credscope.demo.app;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One HTTP client library, used as code without an SDK uses it to send a signed request. */
interface RawClient extends AutoCloseable {

  /** Every client, by its {@code --raw} name. */
  List<String> NAMES = List.of("jdk-send", "jdk-async", "apache4", "apache5", "okhttp", "urlconnection");

  static RawClient named(String name) {
    return switch (name) {
      case "jdk-send" -> JdkRawClient.blocking();
      case "jdk-async" -> JdkRawClient.async();
      case "apache4" -> new Apache4RawClient();
      case "apache5" -> new Apache5RawClient();
      case "okhttp" -> new OkHttpRawClient();
      case "urlconnection" -> new UrlConnectionRawClient();
      default -> throw new IllegalArgumentException("unknown --raw client '" + name + "'; use one of " + NAMES);
    };
  }

  /** As in {@code --raw}. */
  String name();

  /** Sends the request and waits for the whole response. */
  RawResponse send(RawRequest request) throws IOException, InterruptedException;

  /**
   * Starts sending the request and returns at once. A blocking client gets a thread of its own per
   * call, as an application that wants its calls in parallel gives it.
   */
  default CompletableFuture<RawResponse> start(RawRequest request) {
    CompletableFuture<RawResponse> response = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        response.complete(send(request));
      } catch (IOException | InterruptedException | RuntimeException e) {
        response.completeExceptionally(e);
      }
    }, "raw-" + name());
    thread.setDaemon(true);
    thread.start();
    return response;
  }

  @Override
  void close() throws IOException;
}
