package io.credscope.demo.app;

import java.net.URI;
import java.util.Map;

/**
 * A signed request, ready for any HTTP client. {@code headers} are sent as they are, besides the
 * {@code Host} header each client makes from the URI; {@code body} goes with every method but GET.
 * A {@code streamed} body is handed to the client as a stream it reads once, as code that uploads
 * from a stream does: the client cannot send it a second time.
 */
record RawRequest(String method, URI uri, Map<String, String> headers, byte[] body, boolean streamed) {

  RawRequest asStream() {
    return new RawRequest(method, uri, headers, body, true);
  }

  boolean sendsBody() {
    return !method.equals("GET");
  }
}
