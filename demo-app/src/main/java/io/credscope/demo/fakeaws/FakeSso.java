package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The IAM Identity Center (SSO) portal, restJson: {@code GetRoleCredentials} ({@code GET
 * /federation/credentials}) trades the access token of a signed-in user, which the SDK reads from
 * the token cache that {@code aws sso login} writes, for session credentials of a permission set's
 * role in an account. The other fakes then accept those credentials.
 */
public final class FakeSso extends FakeService {

  private static final String PATH = "/federation/credentials";

  private final Identities identities;
  private final String accessToken = newAccessToken();
  private final List<DemoKeys> issued = new CopyOnWriteArrayList<>();

  public FakeSso(Identities identities) {
    super("sso");
    this.identities = identities;
  }

  /** The access token of the one signed-in user, as {@code aws sso login} would have cached it. */
  public String accessToken() {
    return accessToken;
  }

  /** Every session credential handed out so far, for leak checks. */
  public List<DemoKeys> issuedKeys() {
    return issued;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
      error(exchange, 404, "ResourceNotFoundException", "The fake knows GetRoleCredentials only.");
      return;
    }
    if (!accessToken.equals(exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"))) {
      error(exchange, 401, "UnauthorizedException", "Session token not found or invalid");
      return;
    }
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String role = query.get("role_name");
    if (role == null || !Identities.ACCOUNT.equals(query.get("account_id"))) {
      error(exchange, 403, "ForbiddenException", "No access");
      return;
    }
    DemoKeys keys = DemoKeys.temporary();
    issued.add(keys);
    identities.register(keys.accessKeyId(), "arn:aws:sts::" + Identities.ACCOUNT + ":assumed-role/AWSReservedSSO_"
        + role + "_0123456789abcdef/developer@example.com");
    long expiration = Instant.now().plus(1, ChronoUnit.HOURS).toEpochMilli();
    respond(exchange, 200, "application/json", "{\"roleCredentials\":{\"accessKeyId\":\"" + keys.accessKeyId()
        + "\",\"secretAccessKey\":\"" + keys.secretAccessKey() + "\",\"sessionToken\":\"" + keys.sessionToken()
        + "\",\"expiration\":" + expiration + "}}");
  }

  private static String newAccessToken() {
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return "aoa" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** restJson throttling: HTTP 429 with {@code x-amzn-ErrorType}. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    error(exchange, 429, "TooManyRequestsException", "Rate exceeded");
  }

  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    error(exchange, 400, "InvalidRequestException", "Invalid request");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(pair.substring(0, equals),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
    respond(exchange, status, "application/json", "{\"message\":\"" + message + "\"}");
  }
}
