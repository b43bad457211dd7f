package io.credscope.demo.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Old-style code that reads instance metadata the IMDSv1 way: a plain GET, no session token. Code like this
 * predates IMDSv2 and breaks, or leaks, on instances that still allow it.
 */
final class LegacyMetadata {

  private LegacyMetadata() {
  }

  /** The instance id from the metadata service at {@code endpoint}, asked without a token. */
  static String instanceId(String endpoint) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(endpoint + "/latest/meta-data/instance-id").toURL().openConnection();
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(2000);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }
}
