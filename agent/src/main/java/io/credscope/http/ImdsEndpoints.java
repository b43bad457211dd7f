package io.credscope.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Which hosts are the instance metadata service: its IPv4 and IPv6 addresses on any port, and the endpoints the
 * SDKs are configured with ({@code aws.ec2MetadataServiceEndpoint}, SDK v1's override property,
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}). Applications may set those properties after start-up, so they are
 * read again at most once a second; a match costs string comparisons and allocates nothing.
 */
final class ImdsEndpoints {

  static final String IPV4 = "169.254.169.254";
  static final String IPV6 = "fd00:ec2::254";
  private static final long REFRESH_MILLIS = 1000;
  private static final String[] PROPERTIES = {
    "aws.ec2MetadataServiceEndpoint", "com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
  };
  private static final String VARIABLE = "AWS_EC2_METADATA_SERVICE_ENDPOINT";

  private final Properties properties;
  private final Map<String, String> environment;
  private volatile Endpoint[] configured = new Endpoint[0];
  private volatile long refreshAt;

  ImdsEndpoints(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** @param port the request's port, -1 for the scheme's default */
  boolean matches(String host, int port) {
    if (host == null) {
      return false;
    }
    if (sameHost(host, IPV4) || sameHost(host, IPV6)) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (now >= refreshAt) {
      refreshAt = now + REFRESH_MILLIS;
      configured = read();
    }
    for (Endpoint endpoint : configured) {
      if (sameHost(host, endpoint.host) && (port == endpoint.port || port < 0 && endpoint.port == 80
          || endpoint.port < 0 && port == 80)) {
        return true;
      }
    }
    return false;
  }

  /** Equal ignoring case and the brackets around an IPv6 literal, without allocating. */
  static boolean sameHost(String host, String address) {
    int start = 0;
    int end = host.length();
    if (end >= 2 && host.charAt(0) == '[' && host.charAt(end - 1) == ']') {
      start = 1;
      end--;
    }
    return end - start == address.length() && host.regionMatches(true, start, address, 0, address.length());
  }

  private Endpoint[] read() {
    List<Endpoint> endpoints = new ArrayList<Endpoint>();
    for (String property : PROPERTIES) {
      add(endpoints, properties.getProperty(property));
    }
    add(endpoints, environment.get(VARIABLE));
    return endpoints.toArray(new Endpoint[0]);
  }

  private static void add(List<Endpoint> endpoints, String value) {
    if (value == null || value.trim().isEmpty()) {
      return;
    }
    try {
      URI uri = URI.create(value.trim());
      if (uri.getHost() != null) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        endpoints.add(new Endpoint(host, uri.getPort() < 0 && "http".equalsIgnoreCase(uri.getScheme())
            ? 80 : uri.getPort()));
      }
    } catch (IllegalArgumentException ignored) {
      // The SDK will refuse it as well.
    }
  }

  private static final class Endpoint {
    final String host;
    final int port;

    Endpoint(String host, int port) {
      this.host = host;
      this.port = port;
    }
  }
}
