package io.credscope.demo.fakeaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An address that accepts connections and never answers: what a metadata endpoint looks like from
 * a laptop whose network swallows the packets, the case where a careless probe waits longest.
 */
public final class SilentEndpoint implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  SilentEndpoint() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::hold, "silent-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void hold() {
    try {
      while (!server.isClosed()) {
        held.add(server.accept());
      }
    } catch (IOException closed) {
      // Closed with the fakes.
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  @Override
  public void close() {
    try {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
