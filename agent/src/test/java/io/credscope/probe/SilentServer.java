package io.credscope.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts connections on 127.0.0.1 and never says a word: an endpoint that does not answer in time. */
public final class SilentServer implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public SilentServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptForever, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptForever() {
    try {
      while (true) {
        accepted.add(server.accept());
      }
    } catch (IOException closed) {
      // close() ends the loop.
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
