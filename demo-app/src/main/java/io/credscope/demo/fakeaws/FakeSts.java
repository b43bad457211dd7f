package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS STS (awsQuery protocol). {@code GetCallerIdentity} answers as whichever key signed the call;
 * {@code AssumeRoleWithWebIdentity} (unsigned, as the real one) and {@code AssumeRole} issue fresh
 * session credentials for the role, which the other fakes then accept.
 */
public final class FakeSts extends FakeService {

  private static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final Pattern ROLE_ARN = Pattern.compile("RoleArn=([^&]+)");

  private final Identities identities;
  private final List<DemoKeys> issued = new CopyOnWriteArrayList<>();

  public FakeSts(Identities identities) {
    super("sts");
    this.identities = identities;
  }

  /** Every session credential handed out so far, for leak checks. */
  public List<DemoKeys> issuedKeys() {
    return issued;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    if (body.contains("Action=AssumeRoleWithWebIdentity")) {
      if (!body.contains("WebIdentityToken=")) {
        error(exchange, 400, "Sender", "MissingParameter", "WebIdentityToken is required.");
        return;
      }
      assumeRole(exchange, body, "AssumeRoleWithWebIdentity");
      return;
    }
    String signer = identities.signer(exchange.getRequestHeaders().getFirst("Authorization"));
    if (signer == null) {
      error(exchange, 403, "Sender", "InvalidClientTokenId", "The security token included in the request is invalid.");
      return;
    }
    if (body.contains("Action=AssumeRole&") || body.endsWith("Action=AssumeRole")) {
      assumeRole(exchange, body, "AssumeRole");
      return;
    }
    if (!body.contains("Action=GetCallerIdentity")) {
      error(exchange, 400, "Sender", "InvalidAction", "Could not find operation in the fake.");
      return;
    }
    respond(exchange, 200, "text/xml", "<GetCallerIdentityResponse xmlns=\"" + XMLNS + "\">"
        + "<GetCallerIdentityResult><Arn>" + signer + "</Arn><UserId>AIDAFAKEUSERID</UserId>"
        + "<Account>" + Identities.ACCOUNT + "</Account></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>"
        + "</GetCallerIdentityResponse>");
  }

  private void assumeRole(HttpExchange exchange, String body, String action) throws IOException {
    Matcher roleArn = ROLE_ARN.matcher(body);
    if (!roleArn.find()) {
      error(exchange, 400, "Sender", "MissingParameter", "RoleArn is required.");
      return;
    }
    String role = URLDecoder.decode(roleArn.group(1), StandardCharsets.UTF_8);
    String roleName = role.substring(role.lastIndexOf('/') + 1);
    DemoKeys keys = DemoKeys.temporary();
    issued.add(keys);
    String assumed = "arn:aws:sts::" + Identities.ACCOUNT + ":assumed-role/" + roleName + "/demo-session";
    identities.register(keys.accessKeyId(), assumed);
    Instant expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    respond(exchange, 200, "text/xml", "<" + action + "Response xmlns=\"" + XMLNS + "\"><" + action + "Result>"
        + "<Credentials><AccessKeyId>" + keys.accessKeyId() + "</AccessKeyId><SecretAccessKey>"
        + keys.secretAccessKey() + "</SecretAccessKey><SessionToken>" + keys.sessionToken() + "</SessionToken>"
        + "<Expiration>" + expiration + "</Expiration></Credentials>"
        + "<AssumedRoleUser><Arn>" + assumed + "</Arn><AssumedRoleId>AROAFAKEROLEID:demo-session</AssumedRoleId>"
        + "</AssumedRoleUser></" + action + "Result>"
        + "<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></" + action + "Response>");
  }

  /** awsQuery throttling: HTTP 400 with {@code <Code>Throttling</Code>}. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    error(exchange, 400, "Sender", "Throttling", "Rate exceeded");
  }

  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    error(exchange, 400, "Sender", "ValidationError", "1 validation error detected: Value at 'durationSeconds' "
        + "failed to satisfy constraint.");
  }

  private static void error(HttpExchange exchange, int status, String type, String code, String message)
      throws IOException {
    respond(exchange, status, "text/xml", "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>" + type
        + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
        + "<RequestId>fake-request</RequestId></ErrorResponse>");
  }
}
