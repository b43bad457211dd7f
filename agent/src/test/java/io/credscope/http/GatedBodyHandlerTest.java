package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.events.Event;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.retry.Jitter;
import io.credscope.retry.Retrier;
import io.credscope.retry.RetryBudget;
import io.credscope.retry.RetryPolicy;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate around a {@code java.net.http} AWS call's body handler, driven by the JDK's own client against a real
 * server on loopback: the application's handler is applied once, to the call's last answer, whatever it makes of the
 * body, and never sees a byte of an answer credscope retries.
 */
class GatedBodyHandlerTest {

  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261208/eu-west-1/"
      + "dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c"
      + "82c400e06b5924a6f2b5d7";
  private static final String THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\"}";
  private static final String TABLES = "{\"TableNames\":[\"one\",\"two\"]}";

  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  private final Clock clock = Clock.systemUTC();
  private final List<String> answers = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpCallRecorder recorder;

  GatedBodyHandlerTest() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      int index = requests.getAndIncrement();
      String answer = index < answers.size() ? answers.get(index) : answers.get(answers.size() - 1);
      int status = Integer.parseInt(answer.substring(0, 3));
      byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    CredentialsRecorder credentials = new CredentialsRecorder(CredentialChainModel.ALL, events::add, clock);
    CallRetries retries = new CallRetries(new Retrier(new RetryPolicy(10, 40, 4, Jitter.FULL),
        RetryBudget.ofTokens(500), RetryPolicy.RANDOM, clock), events::add, clock);
    recorder = new HttpCallRecorder(credentials::resolutionOf, events::add, clock, new Properties(), Map.of(),
        retries);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** What an application's handler saw: how often it was applied, and every byte its subscriber got. */
  private static final class Watched<T> implements HttpResponse.BodyHandler<T> {
    final HttpResponse.BodyHandler<T> handler;
    final AtomicInteger applied = new AtomicInteger();
    final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());

    Watched(HttpResponse.BodyHandler<T> handler) {
      this.handler = handler;
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
      applied.incrementAndGet();
      statuses.add(info.statusCode());
      return handler.apply(info);
    }
  }

  /** Sends as the hooked client does: the hook's token first, then the client's future handed back. */
  @SuppressWarnings("unchecked")
  private <T> HttpResponse<T> send(HttpResponse.BodyHandler<T> application) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
        .header("Authorization", AUTHORIZATION).header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    Object token = recorder.exchangeSending("java.net.http.HttpClient", "POST", "127.0.0.1",
        server.getAddress().getPort(), null, AUTHORIZATION, null, client, request, application);
    HttpResponse.BodyHandler<T> gate = assertInstanceOf(HttpResponse.BodyHandler.class, token);
    CompletableFuture<HttpResponse<T>> pending = client.sendAsync(request, gate);
    Object result = recorder.exchangeStarted(token, pending);
    return ((CompletableFuture<HttpResponse<T>>) result).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aConsumerOfTheBodyNeverSeesTheThrottledAnswer() throws Exception {
    answers.addAll(List.of("400 " + THROTTLED, "400 " + THROTTLED, "200 " + TABLES));
    StringBuilder consumed = new StringBuilder();
    Watched<Void> application = new Watched<>(HttpResponse.BodyHandlers.ofByteArrayConsumer(bytes ->
        bytes.ifPresent(chunk -> consumed.append(new String(chunk, StandardCharsets.UTF_8)))));
    HttpResponse<Void> response = send(application);
    assertEquals(200, response.statusCode());
    assertEquals(3, requests.get());
    assertEquals(1, application.applied.get(), "the application's handler is applied once");
    assertEquals(List.of(200), application.statuses);
    assertEquals(TABLES, consumed.toString());
    // Only the first attempt passes this test's stand-in for the hook; in a JVM each resend passes the real one.
    assertEquals(List.of("dynamodb/ListTables/ThrottlingException=1"), errorCounts(),
        "classified from the bytes the gate held, though the application consumed none of them");
  }

  @Test
  void theLastAnswerOfACallThatGaveUpReachesTheApplicationWhole() throws Exception {
    answers.add("400 " + THROTTLED);
    Watched<Stream<String>> application = new Watched<>(HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = send(application);
    assertEquals(400, response.statusCode());
    assertEquals(4, requests.get(), "every attempt the policy allows");
    assertEquals(1, application.applied.get());
    assertEquals(List.of(THROTTLED), response.body().collect(Collectors.toList()));
  }

  @Test
  void anErrorBodyLongerThanWhatIsHeldIsGivenInFullAndInOrder() throws Exception {
    StringBuilder large = new StringBuilder("{\"__type\":\"AccessDeniedException\",\"Message\":\"");
    for (int i = 0; large.length() < 100_000; i++) {
      large.append(i).append(' ');
    }
    String body = large.append("\"}").toString();
    answers.add("403 " + body);
    Watched<String> application = new Watched<>(HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response = send(application);
    assertEquals(403, response.statusCode());
    assertEquals(1, requests.get(), "a 403 is not retried");
    assertEquals(body, response.body());
    assertEquals(1, application.applied.get());
  }

  @Test
  void aSuccessGoesStraightToTheApplicationsHandler() throws Exception {
    answers.add("200 " + TABLES);
    Watched<String> application = new Watched<>(HttpResponse.BodyHandlers.ofString());
    assertEquals(TABLES, send(application).body());
    assertEquals(1, application.applied.get());
    assertTrue(errorCounts().isEmpty());
  }

  private List<String> errorCounts() {
    return recorder.errorCounts().stream().map(Object::toString).collect(Collectors.toList());
  }
}
