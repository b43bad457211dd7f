package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Amazon DynamoDB (awsJson1_0): {@code ListTables}. */
public final class FakeDynamoDb extends FakeService {

  public static final String TABLE = "demo-table";
  private static final String JSON = "application/x-amz-json-1.0";
  private static final String ERROR_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";

  private final Identities identities;

  public FakeDynamoDb(Identities identities) {
    super("dynamodb");
    this.identities = identities;
  }

  @Override
  protected void handle(HttpExchange exchange, String body) throws IOException {
    if (identities.signer(exchange.getRequestHeaders().getFirst("Authorization")) == null) {
      error(exchange, "UnrecognizedClientException", "The security token included in the request is invalid.");
      return;
    }
    if ("DynamoDB_20120810.ListTables".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
      respond(exchange, 200, JSON, "{\"TableNames\":[\"" + TABLE + "\"]}");
      return;
    }
    error(exchange, "UnknownOperationException", "The fake does not know this operation.");
  }

  /** awsJson throttling: HTTP 400, {@code x-amzn-ErrorType} and a namespaced {@code __type}. */
  @Override
  protected void throttle(HttpExchange exchange) throws IOException {
    error(exchange, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
  }

  @Override
  protected void reject(HttpExchange exchange) throws IOException {
    error(exchange, "ValidationException", "1 validation error detected: Value at 'limit' failed to satisfy constraint.");
  }

  private static void error(HttpExchange exchange, String code, String message) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
    respond(exchange, 400, JSON, "{\"__type\":\"" + ERROR_NAMESPACE + code + "\",\"message\":\"" + message + "\"}");
  }
}
