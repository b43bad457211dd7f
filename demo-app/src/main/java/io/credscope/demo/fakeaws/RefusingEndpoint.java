package io.credscope.demo.fakeaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port on 127.0.0.1 that refuses every connection, as a network that rejects traffic to a host
 * does. The port is bound, so no other socket can take it, but never listened on.
 */
public final class RefusingEndpoint implements AutoCloseable {

  private final Socket reserved = new Socket();

  RefusingEndpoint() {
    try {
      reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return reserved.getLocalPort();
  }

  @Override
  public void close() {
    try {
      reserved.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
