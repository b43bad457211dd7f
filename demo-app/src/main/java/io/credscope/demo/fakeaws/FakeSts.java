package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** AWS STS (awsQuery protocol): {@code GetCallerIdentity} answers as whichever key signed the call. */
public final class FakeSts extends FakeService {

  private static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

  private final Identities identities;

  public FakeSts(Identities identities) {
    super("sts");
    this.identities = identities;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    String signer = identities.signer(exchange.getRequestHeaders().getFirst("Authorization"));
    if (signer == null) {
      error(exchange, 403, "Sender", "InvalidClientTokenId", "The security token included in the request is invalid.");
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

  /** awsQuery throttling: HTTP 400 with {@code <Code>Throttling</Code>}. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    error(exchange, 400, "Sender", "Throttling", "Rate exceeded");
  }

  private static void error(HttpExchange exchange, int status, String type, String code, String message)
      throws IOException {
    respond(exchange, status, "text/xml", "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>" + type
        + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
        + "<RequestId>fake-request</RequestId></ErrorResponse>");
  }
}
