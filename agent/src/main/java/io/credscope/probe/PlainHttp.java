package io.credscope.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 exchange over a plain socket: one request with {@code Connection: close}, an answer of bounded size,
 * and a deadline. Not {@code HttpURLConnection}: credscope hooks the HTTP clients to report the application's calls,
 * and its own probe must never show up among them. And not through any proxy: the socket is made with
 * {@link Proxy#NO_PROXY}, because a plain socket would otherwise follow the application's SOCKS settings, and a
 * link-local metadata request has no business leaving the host.
 */
final class PlainHttp {

  private final int timeoutMillis;
  private final int maxBytes;

  /**
   * @param timeoutMillis the connect timeout, and then again the time allowed for the whole answer
   * @param maxBytes the largest answer, status line and headers included, that is read
   */
  PlainHttp(int timeoutMillis, int maxBytes) {
    this.timeoutMillis = timeoutMillis;
    this.maxBytes = maxBytes;
  }

  /** An answer's status and body. */
  static final class Response {
    final int status;
    final String body;

    Response(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }

  /**
   * @param endpoint {@code http://host[:port][/base]}; the path is appended to its own
   * @throws SocketTimeoutException when connecting or the answer took longer than the timeout
   */
  Response exchange(URI endpoint, String method, String path, Map<String, String> headers) throws IOException {
    if (!"http".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IOException("not an http:// endpoint");
    }
    int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
    Socket socket = new Socket(Proxy.NO_PROXY);
    try {
      // Resolving a name would not be covered by the timeout; metadata endpoints are addresses, which resolve at once.
      socket.connect(new InetSocketAddress(endpoint.getHost(), port), timeoutMillis);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request(endpoint, method, path, headers).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return read(socket, deadline);
    } finally {
      socket.close();
    }
  }

  private static String request(URI endpoint, String method, String path, Map<String, String> headers) {
    String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    StringBuilder request = new StringBuilder(method).append(' ').append(base).append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(endpoint.getHost()).append(endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
        .append("\r\n");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      request.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    if (method.equals("PUT") || method.equals("POST")) {
      request.append("Content-Length: 0\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  private Response read(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    while (true) {
      Response complete = parse(answer.toByteArray(), false);
      if (complete != null) {
        // A server may keep the connection open despite Connection: close; a complete answer needs no more.
        return complete;
      }
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining <= 0) {
        throw new SocketTimeoutException("no complete answer in time");
      }
      socket.setSoTimeout((int) remaining);
      int read = in.read(buffer);
      if (read < 0) {
        return parse(answer.toByteArray(), true);
      }
      answer.write(buffer, 0, read);
      if (answer.size() > maxBytes) {
        throw new IOException("answer longer than " + maxBytes + " bytes");
      }
    }
  }

  /**
   * The answer, or {@code null} while it is incomplete and more may come.
   *
   * @param ended whether the server closed the connection, so nothing more will come
   */
  static Response parse(byte[] bytes, boolean ended) throws IOException {
    // ISO-8859-1 maps bytes to chars one to one, so offsets hold; the body is decoded as UTF-8 at the end.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headersEnd = text.indexOf("\r\n\r\n");
    if (headersEnd < 0) {
      return incomplete(ended);
    }
    String[] lines = text.substring(0, headersEnd).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.") || !statusLine[1].matches("[0-9]{3}")) {
      throw new IOException("not an HTTP/1.1 answer");
    }
    int status = Integer.parseInt(statusLine[1]);
    String contentLength = null;
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        if (name.equals("content-length")) {
          contentLength = value;
        } else if (name.equals("transfer-encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        }
      }
    }
    String body = text.substring(headersEnd + 4);
    if (chunked) {
      body = dechunk(body);
    } else if (contentLength != null) {
      int length = parseLength(contentLength);
      body = body.length() >= length ? body.substring(0, length) : null;
    } else if (!ended) {
      body = null;
    }
    if (body == null) {
      return incomplete(ended);
    }
    return new Response(status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static Response incomplete(boolean ended) throws IOException {
    if (ended) {
      throw new IOException("the answer was cut short");
    }
    return null;
  }

  private static int parseLength(String value) throws IOException {
    if (!value.matches("[0-9]{1,9}")) {
      throw new IOException("bad Content-Length");
    }
    return Integer.parseInt(value);
  }

  /** The body of a chunked answer, or {@code null} until its last chunk has arrived. */
  private static String dechunk(String chunks) throws IOException {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunks.indexOf("\r\n", at);
      if (lineEnd < 0) {
        return null;
      }
      String size = chunks.substring(at, lineEnd);
      int extension = size.indexOf(';');
      size = (extension < 0 ? size : size.substring(0, extension)).trim();
      if (!size.matches("[0-9a-fA-F]{1,7}")) {
        throw new IOException("bad chunk size");
      }
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        return body.toString();
      }
      int start = lineEnd + 2;
      if (chunks.length() < start + length + 2) {
        return null;
      }
      body.append(chunks, start, start + length);
      at = start + length + 2;
    }
  }
}
