package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Amazon EC2 (ec2Query protocol): {@code DescribeInstances}, with EC2's own error document,
 * {@code <Response><Errors><Error>}, which no other query service uses.
 */
public final class FakeEc2 extends FakeService {

  private static final String XML = "text/xml;charset=UTF-8";

  private final Identities identities;

  public FakeEc2(Identities identities) {
    super("ec2");
    this.identities = identities;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    if (identities.signer(exchange.getRequestHeaders().getFirst("Authorization")) == null) {
      error(exchange, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
      return;
    }
    if (!body.contains("Action=DescribeInstances")) {
      error(exchange, 400, "InvalidAction", "The action is not valid for this web service.");
      return;
    }
    respond(exchange, 200, XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        + "<requestId>fake-request</requestId><reservationSet><item><reservationId>r-0demo0reservation</reservationId>"
        + "<ownerId>" + Identities.ACCOUNT + "</ownerId><groupSet/><instancesSet><item>"
        + "<instanceId>" + FakeImds.INSTANCE_ID + "</instanceId><imageId>ami-0demo0image0</imageId>"
        + "<instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType>"
        + "<placement><availabilityZone>us-east-1a</availabilityZone></placement></item></instancesSet></item>"
        + "</reservationSet></DescribeInstancesResponse>");
  }

  /** ec2Query throttling: HTTP 503 with {@code <Code>RequestLimitExceeded</Code>}. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    error(exchange, 503, "RequestLimitExceeded", "Request limit exceeded.");
  }

  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    error(exchange, 400, "InvalidParameterValue", "Value for parameter MaxResults is invalid.");
  }

  private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    respond(exchange, status, XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code
        + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>fake-request</RequestID></Response>");
  }
}
