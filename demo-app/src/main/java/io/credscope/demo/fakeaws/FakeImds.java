package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EC2 instance metadata service, IMDSv2 by default: a token from {@code PUT /latest/api/token}
 * must accompany every read. {@link #acceptV1(boolean)} also lets token-less (IMDSv1) reads through,
 * as an instance with {@code HttpTokens=optional} does.
 */
public final class FakeImds extends FakeService {

  public static final String ROLE = "demo-instance-role";
  private static final String TOKEN_PATH = "/latest/api/token";
  public static final String INSTANCE_ID = "i-0demo0instance0";
  private static final String INSTANCE_ID_PATH = "/latest/meta-data/instance-id";
  private static final String INFO_PATH = "/latest/meta-data/iam/info";
  /** The instance profile the demo's instance role belongs to, as {@code iam/info} names it. */
  public static final String INSTANCE_PROFILE_ARN =
      "arn:aws:iam::" + Identities.ACCOUNT + ":instance-profile/demo-instance-profile";
  private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

  private final DemoKeys roleKeys;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokenlessReads = new AtomicInteger();
  private volatile boolean acceptV1;

  public FakeImds(DemoKeys roleKeys) {
    super("imds");
    this.roleKeys = roleKeys;
  }

  public void acceptV1(boolean accept) {
    this.acceptV1 = accept;
  }

  /** Reads that came without a token (IMDSv1), answered or refused. */
  public int tokenlessReads() {
    return tokenlessReads.get();
  }

  public DemoKeys roleKeys() {
    return roleKeys;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("PUT") && path.equals(TOKEN_PATH)) {
      if (exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds") == null) {
        respond(exchange, 400, "text/plain", "");
        return;
      }
      String token = "fake-imds-token-" + UUID.randomUUID();
      tokens.add(token);
      exchange.getResponseHeaders().set("X-aws-ec2-metadata-token-ttl-seconds", "21600");
      respond(exchange, 200, "text/plain", token);
      return;
    }
    if (!method.equals("GET")) {
      respond(exchange, 405, "text/plain", "");
      return;
    }
    String token = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token");
    if (token == null) {
      tokenlessReads.incrementAndGet();
      if (!acceptV1) {
        respond(exchange, 401, "text/plain", "");
        return;
      }
    } else if (!tokens.contains(token)) {
      respond(exchange, 401, "text/plain", "");
      return;
    }
    if (path.equals(INSTANCE_ID_PATH)) {
      respond(exchange, 200, "text/plain", INSTANCE_ID);
    } else if (path.equals(INFO_PATH)) {
      respond(exchange, 200, "text/plain", infoJson());
    } else if (path.equals(CREDENTIALS_PATH)) {
      respond(exchange, 200, "text/plain", ROLE);
    } else if (path.equals(CREDENTIALS_PATH + ROLE)) {
      respond(exchange, 200, "text/plain", credentialsJson());
    } else {
      respond(exchange, 404, "text/plain", "");
    }
  }

  /** The shape EC2 gives {@code iam/info}: the instance profile's ARN and id, and when it was last updated. */
  private static String infoJson() {
    return "{\n"
        + "  \"Code\" : \"Success\",\n"
        + "  \"LastUpdated\" : \"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\n"
        + "  \"InstanceProfileArn\" : \"" + INSTANCE_PROFILE_ARN + "\",\n"
        + "  \"InstanceProfileId\" : \"AIPAQDEMOINSTANCEPROF\"\n"
        + "}";
  }

  private String credentialsJson() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return "{\n"
        + "  \"Code\" : \"Success\",\n"
        + "  \"LastUpdated\" : \"" + now + "\",\n"
        + "  \"Type\" : \"AWS-HMAC\",\n"
        + "  \"AccessKeyId\" : \"" + roleKeys.accessKeyId() + "\",\n"
        + "  \"SecretAccessKey\" : \"" + roleKeys.secretAccessKey() + "\",\n"
        + "  \"Token\" : \"" + roleKeys.sessionToken() + "\",\n"
        + "  \"Expiration\" : \"" + now.plus(6, ChronoUnit.HOURS) + "\"\n"
        + "}";
  }

  /** IMDS answers a flood with 429 and an empty body. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    respond(exchange, 429, "text/plain", "");
  }

  /** IMDS answers a malformed request with 400 and an empty body. */
  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    respond(exchange, 400, "text/plain", "");
  }
}
