package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Amazon S3 (restXml): {@code ListBuckets}, with S3's bare {@code <Error>} bodies. */
public final class FakeS3 extends FakeService {

  public static final String BUCKET = "demo-bucket";

  private final Identities identities;

  public FakeS3(Identities identities) {
    super("s3");
    this.identities = identities;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    if (identities.signer(exchange.getRequestHeaders().getFirst("Authorization")) == null) {
      error(exchange, 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
      return;
    }
    if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getPath().equals("/")) {
      respond(exchange, 200, "application/xml",
          "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          + "<Owner><ID>fake-owner</ID><DisplayName>demo</DisplayName></Owner>"
          + "<Buckets><Bucket><Name>" + BUCKET + "</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate>"
          + "</Bucket></Buckets></ListAllMyBucketsResult>");
      return;
    }
    error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
  }

  /** S3 throttling: HTTP 503 with {@code <Code>SlowDown</Code>}. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    error(exchange, 503, "SlowDown", "Please reduce your request rate.");
  }

  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    error(exchange, 400, "InvalidArgument", "Invalid argument.");
  }

  private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    respond(exchange, status, "application/xml", "<Error><Code>" + code + "</Code><Message>" + message
        + "</Message><RequestId>fake-request</RequestId><HostId>fake-host</HostId></Error>");
  }
}
