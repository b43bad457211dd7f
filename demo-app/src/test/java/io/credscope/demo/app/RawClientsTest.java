package io.credscope.demo.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each HTTP client sends each hand-signed call exactly as it was signed: the request the server
 * receives, with whatever the client added or rewrote, still carries its own signature. (The fakes
 * check only who signed, not the signature.)
 */
class RawClientsTest {

  private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,]+),");
  private static final StaticKeys KEYS = new StaticKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

  /** What the server saw of one request. */
  record Received(String method, String path, Headers headers, byte[] body) {
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            exchange.getRequestHeaders(), in.readAllBytes()));
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static Stream<Arguments> clientsAndOperations() {
    List<Arguments> cases = new ArrayList<>();
    for (String client : RawClient.NAMES) {
      for (RawOperation operation : RawOperation.values()) {
        cases.add(Arguments.of(client, operation));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("clientsAndOperations")
  void theServerReceivesTheRequestAsSigned(String clientName, RawOperation operation) throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    RawSigner signer = new RawSigner(KEYS, "us-east-1");
    RawRequest request = operation.request(endpoint, signer, Instant.now());
    try (RawClient client = RawClient.named(clientName)) {
      assertEquals(200, client.send(request).status());
    }

    assertEquals(1, received.size());
    Received seen = received.get(0);
    assertEquals(request.method(), seen.method());
    assertArrayEquals(request.sendsBody() ? request.body() : new byte[0], seen.body());
    String authorization = seen.headers().getFirst("Authorization");
    Matcher signedHeaders = SIGNED_HEADERS.matcher(authorization);
    assertTrue(signedHeaders.find(), authorization);
    Map<String, String> signed = new LinkedHashMap<>();
    for (String name : signedHeaders.group(1).split(";")) {
      List<String> values = seen.headers().get(name);
      assertTrue(values != null && values.size() == 1, name + " arrived once: " + seen.headers().entrySet());
      signed.put(name, values.get(0));
    }
    assertEquals(authorization, signer.authorization(operation.service(), seen.method(), seen.path(), signed,
        RawSigner.sha256Hex(seen.body())));
  }
}
