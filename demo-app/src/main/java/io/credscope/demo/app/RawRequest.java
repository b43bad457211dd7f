package io.credscope.demo.app;

import java.net.URI;
import java.util.Map;

/**
 * A signed request, ready for any HTTP client. {@code headers} are sent as they are, besides the
 * {@code Host} header each client makes from the URI; {@code body} goes with every method but GET.
 */
record RawRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

  boolean sendsBody() {
    return !method.equals("GET");
  }
}
