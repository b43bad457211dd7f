package io.credscope.demo.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** {@code HttpURLConnection}, the JDK's oldest client, still in much hand-written AWS code. */
final class UrlConnectionRawClient implements RawClient {

  @Override
  public String name() {
    return "urlconnection";
  }

  @Override
  public RawResponse send(RawRequest request) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
    connection.setRequestMethod(request.method());
    request.headers().forEach(connection::setRequestProperty);
    if (request.sendsBody()) {
      connection.setDoOutput(true);
      if (request.streamed()) {
        // Straight to the wire, as a stream goes: the connection keeps no copy to send again.
        connection.setFixedLengthStreamingMode(request.body().length);
      }
      try (OutputStream out = connection.getOutputStream()) {
        out.write(request.body());
      }
    }
    Thread watchdog = request.timeout() == null ? null : watchdog(connection, request.timeout().toMillis());
    int status;
    try {
      status = connection.getResponseCode();
    } finally {
      if (watchdog != null) {
        watchdog.interrupt();
      }
    }
    // Error statuses come as an exception from getInputStream(); their body is behind getErrorStream().
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      return new RawResponse(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** As an application bounds a whole call: a thread that disconnects the connection once the time is up. */
  private static Thread watchdog(HttpURLConnection connection, long millis) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(millis);
        connection.disconnect();
      } catch (InterruptedException callEnded) {
        // The call ended in time.
      }
    }, "raw-urlconnection-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    return watchdog;
  }

  @Override
  public void close() {
    // Connections go back to the JDK's keep-alive cache, which has no owner to close it.
  }
}
