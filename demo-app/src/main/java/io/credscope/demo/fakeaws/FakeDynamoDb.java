package io.credscope.demo.fakeaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Amazon DynamoDB (awsJson1_0): {@code ListTables}. */
public final class FakeDynamoDb extends FakeService {

  public static final String TABLE = "demo-table";
  private static final String JSON = "application/x-amz-json-1.0";
  private static final String ERROR_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";

  private final Identities identities;
  private final java.util.concurrent.atomic.AtomicInteger denyNext = new java.util.concurrent.atomic.AtomicInteger();

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
    if (denyNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      // DynamoDB's own denial: HTTP 400 with the coral namespace, the identity and the action in the message.
      exchange.getResponseHeaders().set("x-amzn-ErrorType", "AccessDeniedException");
      respond(exchange, 400, JSON, "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":"
          + "\"User is not authorized to perform: dynamodb:ListTables because no identity-based policy allows the "
          + "dynamodb:ListTables action\"}");
      return;
    }
    if ("DynamoDB_20120810.ListTables".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
      respond(exchange, 200, JSON, "{\"TableNames\":[\"" + TABLE + "\"]}");
      return;
    }
    error(exchange, "UnknownOperationException", "The fake does not know this operation.");
  }

  /** Answers the next {@code count} signed requests as a key without the permission: AccessDeniedException. */
  public void denyNext(int count) {
    denyNext.set(count);
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
