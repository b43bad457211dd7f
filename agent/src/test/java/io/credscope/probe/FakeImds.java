package io.credscope.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny IMDSv2 on 127.0.0.1: a token for a PUT with a TTL header, then the role's name for a GET that carries the
 * token. It answers the role listing chunked and the token with a length, so both framings are read. It records
 * every request, so tests can prove that nothing but the role's name was asked for.
 */
public final class FakeImds implements AutoCloseable {

  static final String TOKEN = "fake-imds-token-3f9a";
  static final String INSTANCE_PROFILE_ARN = "arn:aws:iam::123456789012:instance-profile/demo-profile";

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final int tokenStatus;
  private final int roleStatus;
  private final String roleBody;

  private FakeImds(int tokenStatus, int roleStatus, String roleBody) throws IOException {
    this.tokenStatus = tokenStatus;
    this.roleStatus = roleStatus;
    this.roleBody = roleBody;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  private static final String ROLE_WITH_INFO = "demo-instance-role\n";

  /** An instance with this role; {@code demo-instance-role} also answers {@code iam/info}. */
  public static FakeImds withRole(String role) throws IOException {
    return new FakeImds(200, 200, role + "\n");
  }

  /** An instance whose IMDS hands out no tokens, as when a hop limit or a firewall stops IMDSv2. */
  public static FakeImds refusingTokens() throws IOException {
    return new FakeImds(403, 200, "never-reached\n");
  }

  /** An instance without an instance profile. */
  public static FakeImds withoutRole() throws IOException {
    return new FakeImds(200, 404, "");
  }

  /** An IMDS that answers the role listing with this body. */
  public static FakeImds answering(String roleBody) throws IOException {
    return new FakeImds(200, 200, roleBody);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request as "METHOD path", in order. */
  public List<String> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    try {
      if (method.equals("PUT") && path.equals(ImdsClient.TOKEN_PATH)) {
        boolean ttl = exchange.getRequestHeaders().getFirst(ImdsClient.TOKEN_TTL_HEADER) != null;
        respond(exchange, ttl ? tokenStatus : 400, ttl && tokenStatus == 200 ? TOKEN : "", false);
      } else if (method.equals("GET") && path.equals(ImdsClient.ROLE_PATH)) {
        boolean token = TOKEN.equals(exchange.getRequestHeaders().getFirst(ImdsClient.TOKEN_HEADER));
        respond(exchange, token ? roleStatus : 401, token ? roleBody : "", true);
      } else if (method.equals("GET") && path.equals(ImdsClient.INFO_PATH) && roleBody.equals(ROLE_WITH_INFO)) {
        // EC2's shape, an instance profile whose name differs from its role's.
        boolean token = TOKEN.equals(exchange.getRequestHeaders().getFirst(ImdsClient.TOKEN_HEADER));
        respond(exchange, token ? 200 : 401, token ? "{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : "
            + "\"2026-11-22T10:00:00Z\",\n  \"InstanceProfileArn\" : \"" + INSTANCE_PROFILE_ARN + "\",\n"
            + "  \"InstanceProfileId\" : \"AIPAEXAMPLEPROFILEID\"\n}" : "", false);
      } else {
        respond(exchange, 404, "", false);
      }
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, chunked && bytes.length > 0 ? 0 : bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
