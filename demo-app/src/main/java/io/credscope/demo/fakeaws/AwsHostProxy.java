package io.credscope.demo.fakeaws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS forward proxy on 127.0.0.1 for the AWS endpoints an SDK builds clients for by itself,
 * where no endpoint override of the application reaches: STS behind a role or web identity, the
 * IAM Identity Center portal behind SSO. It accepts {@code CONNECT} to the hosts of
 * {@link FakeCertificate}, answers the TLS handshake with that certificate, and passes the
 * decrypted bytes to the fake that stands for the host. Every SDK's HTTP client honours the JVM's
 * proxy properties, so the application needs no code of its own to come here; and the SDKs make
 * their real requests to the real host names, only answered by fakes.
 */
public final class AwsHostProxy implements AutoCloseable {

  private static final int MAX_REQUEST_HEAD = 8192;

  private final Map<String, FakeService> routes;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "fake-aws-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<String> tunnels = new CopyOnWriteArrayList<>();

  /** @param routes which fake answers for each host; every host must be one of {@link FakeCertificate#HOSTS} */
  AwsHostProxy(Map<String, FakeService> routes) {
    this.routes = Map.copyOf(routes);
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake AWS proxy", e);
    }
    threads.execute(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The hosts clients opened tunnels to, in order, refused ones included. */
  public List<String> tunnels() {
    return tunnels;
  }

  private void accept() {
    try {
      while (!server.isClosed()) {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> tunnel(client));
      }
    } catch (IOException closed) {
      // Closed with the fakes.
    }
  }

  private void tunnel(Socket client) {
    try {
      String[] request = requestLine(client.getInputStream());
      if (request.length != 3 || !request[0].equals("CONNECT")) {
        answer(client, "405 Method Not Allowed");
        return;
      }
      String host = request[1].substring(0, Math.max(0, request[1].lastIndexOf(':'))).toLowerCase(Locale.ROOT);
      tunnels.add(host);
      FakeService fake = routes.get(host);
      if (fake == null) {
        answer(client, "502 Bad Gateway");
        return;
      }
      OutputStream out = client.getOutputStream();
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      SSLSocket tls = (SSLSocket) FakeCertificate.get().serverContext().getSocketFactory()
          .createSocket(client, host, client.getPort(), true);
      tls.setUseClientMode(false);
      open.add(tls);
      open.remove(client);
      tls.startHandshake();
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), fake.endpoint().getPort());
      open.add(upstream);
      threads.execute(() -> pump(tls, upstream));
      pump(upstream, tls);
    } catch (IOException e) {
      // The client gave up, refused the certificate, or the fake closed: either way this tunnel is done.
      close(client);
    }
  }

  /** Copies one direction until it ends, then closes both sides, which ends the other direction too. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The other direction closed the sockets first.
    } finally {
      close(from);
      close(to);
    }
  }

  /** The request line's words, after reading the head up to its blank line and not one byte of TLS further. */
  private static String[] requestLine(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int next = in.read();
      if (next < 0 || head.size() >= MAX_REQUEST_HEAD) {
        throw new IOException("no complete request head");
      }
      head.write(next);
      matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    return text.substring(0, text.indexOf("\r\n")).split(" ");
  }

  private void answer(Socket client, String status) throws IOException {
    client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    close(client);
  }

  private void close(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that was wanted.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing is all that was wanted.
    }
    open.forEach(this::close);
    threads.shutdownNow();
  }
}
