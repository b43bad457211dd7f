package io.credscope.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/** The values of the options that send the meters to a backend: parsed here, so that a bad one never reaches one. */
public final class MeterExport {

  /** Loopback by default: the counts name services and credential sources, not everyone's business. */
  private static final String DEFAULT_HOST = "127.0.0.1";

  private MeterExport() {
  }

  /**
   * {@code 9404} or {@code host:9404} ({@code [::1]:9404} for an IPv6 literal) as an unresolved address, or
   * {@code null} when the text is neither.
   */
  public static InetSocketAddress prometheusAddress(String value) {
    int colon = value.lastIndexOf(':');
    String host = colon < 0 ? DEFAULT_HOST : value.substring(0, colon);
    String port = value.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || !port.matches("[0-9]{1,5}")) {
      return null;
    }
    int number = Integer.parseInt(port);
    return number < 1 || number > 65535 ? null : InetSocketAddress.createUnresolved(host, number);
  }

  static boolean isOtlpUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
