package io.credscope.demo.app;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A signed request, ready for any HTTP client. {@code headers} are sent as they are, besides the
 * {@code Host} header each client makes from the URI; {@code body} goes with every method but GET.
 * A {@code streamed} body is handed to the client as a stream it reads once, as code that uploads
 * from a stream does: the client cannot send it a second time. A {@code timeout}, when not {@code null}, is the
 * longest the whole call may take, set as each client lets an application bound a call: OkHttp's call timeout,
 * {@code java.net.http}'s request timeout, or a watchdog that disconnects an {@code HttpURLConnection} or aborts an
 * Apache request.
 */
record RawRequest(String method, URI uri, Map<String, String> headers, byte[] body, boolean streamed,
    Duration timeout) {

  RawRequest asStream() {
    return new RawRequest(method, uri, headers, body, true, timeout);
  }

  RawRequest within(Duration limit) {
    return new RawRequest(method, uri, headers, body, streamed, limit);
  }

  boolean sendsBody() {
    return !method.equals("GET");
  }
}
