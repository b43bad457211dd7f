package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The ECS/EKS container credentials endpoint: one path, optionally guarded by an authorization
 * token, answering with the task role's session credentials.
 */
public final class FakeContainerCredentials extends FakeService {

  public static final String ROLE_ARN = "arn:aws:iam::" + Identities.ACCOUNT + ":role/demo-task-role";
  public static final String PATH = "/v2/credentials/demo-task";
  /** A task endpoint that asks for no authorization token, as ECS's relative-URI endpoint does. */
  public static final String OPEN_PATH = "/v2/credentials/open-task";

  private final DemoKeys roleKeys;
  private final String authorizationToken;

  /** @param authorizationToken the token callers must send, or {@code null} for none */
  public FakeContainerCredentials(DemoKeys roleKeys, String authorizationToken) {
    super("container-credentials");
    this.roleKeys = roleKeys;
    this.authorizationToken = authorizationToken;
  }

  public DemoKeys roleKeys() {
    return roleKeys;
  }

  /** What {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} holds on a task using this endpoint. */
  public String fullUri() {
    return endpoint() + PATH;
  }

  /** The same, for the endpoint that needs no authorization token. */
  public String openFullUri() {
    return endpoint() + OPEN_PATH;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals(PATH) && !path.equals(OPEN_PATH)) {
      respond(exchange, 404, "application/json", "{\"message\":\"not found\"}");
      return;
    }
    if (path.equals(PATH) && authorizationToken != null
        && !authorizationToken.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "application/json", "{\"message\":\"unauthorized\"}");
      return;
    }
    Instant expiration = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    respond(exchange, 200, "application/json", "{\"RoleArn\":\"" + ROLE_ARN + "\","
        + "\"AccessKeyId\":\"" + roleKeys.accessKeyId() + "\","
        + "\"SecretAccessKey\":\"" + roleKeys.secretAccessKey() + "\","
        + "\"Token\":\"" + roleKeys.sessionToken() + "\","
        + "\"Expiration\":\"" + expiration + "\"}");
  }

  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    respond(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}");
  }

  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    respond(exchange, 400, "application/json", "{\"message\":\"Bad Request\"}");
  }
}
