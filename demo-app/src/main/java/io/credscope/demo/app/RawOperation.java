package io.credscope.demo.app;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The one call the application makes by hand to each service, in that service's protocol. */
enum RawOperation {
  DYNAMODB("ListTables", "POST", Map.of("Content-Type", "application/x-amz-json-1.0",
      "X-Amz-Target", "DynamoDB_20120810.ListTables"), "{}"),
  STS("GetCallerIdentity", "POST", Map.of("Content-Type", RawOperation.FORM),
      "Action=GetCallerIdentity&Version=2011-06-15"),
  EC2("DescribeInstances", "POST", Map.of("Content-Type", RawOperation.FORM),
      "Action=DescribeInstances&Version=2016-11-15"),
  S3("ListBuckets", "GET", Map.of(), "");

  /** What the SDKs send with query-protocol calls, charset included: the signature covers it as written. */
  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  private final String operation;
  private final String method;
  private final Map<String, String> headers;
  private final byte[] body;

  RawOperation(String operation, String method, Map<String, String> headers, String body) {
    this.operation = operation;
    this.method = method;
    this.headers = headers;
    this.body = body.getBytes(StandardCharsets.UTF_8);
  }

  /** @param service as in {@code --raw-service}, which is also the service's signing name */
  static RawOperation of(String service) {
    for (RawOperation operation : values()) {
      if (operation.service().equals(service)) {
        return operation;
      }
    }
    throw new IllegalArgumentException("unknown --raw-service '" + service + "'; use dynamodb, sts, s3 or ec2");
  }

  /** The signing name of the service, as in the credential scope: {@code dynamodb}, {@code sts}, {@code s3}, {@code ec2}. */
  String service() {
    return name().toLowerCase(Locale.ROOT);
  }

  String operation() {
    return operation;
  }

  URI endpoint(Endpoints endpoints) {
    return switch (this) {
      case DYNAMODB -> endpoints.dynamoDb();
      case STS -> endpoints.sts();
      case EC2 -> endpoints.ec2();
      case S3 -> endpoints.s3();
    };
  }

  /** The call to {@code endpoint}, signed at {@code now}. */
  RawRequest request(URI endpoint, RawSigner signer, Instant now) {
    URI uri = endpoint.resolve("/");
    Map<String, String> signed = new HashMap<>(headers);
    signed.putAll(signer.sign(service(), method, uri, headers, body, now));
    return new RawRequest(method, uri, signed, body, false, null);
  }
}
