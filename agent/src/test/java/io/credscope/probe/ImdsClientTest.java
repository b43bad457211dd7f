package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImdsClientTest {

  private final ImdsClient client = new ImdsClient(1000);

  @Test
  void asksForATokenThenTheRoleNameAndNothingElse() throws Exception {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      ImdsAnswer answer = client.instanceRole(imds.endpoint());
      assertEquals("demo-instance-role", answer.role());
      assertNull(answer.failure());
      assertEquals(FakeImds.INSTANCE_PROFILE_ARN, answer.instanceProfileArn());
      // Never the role's credentials: the listing, and the instance profile's ARN.
      assertEquals(List.of("PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
          "GET /latest/meta-data/iam/info"), imds.requests());
    }
  }

  @Test
  void anIamInfoIMDSDoesNotGiveLeavesTheRoleStanding() throws Exception {
    try (FakeImds imds = FakeImds.withRole("other-role")) {
      ImdsAnswer answer = client.instanceRole(imds.endpoint());
      assertEquals("other-role", answer.role());
      assertNull(answer.instanceProfileArn());
    }
  }

  @Test
  void aRefusedTokenMeansNoRoleAndNoFallbackToImdsV1() throws Exception {
    try (FakeImds imds = FakeImds.refusingTokens()) {
      ImdsAnswer answer = client.instanceRole(imds.endpoint());
      assertNull(answer.role());
      assertEquals("IMDS at " + imds.endpoint() + " refused a session token (HTTP 403)", answer.failure());
      assertEquals(List.of("PUT /latest/api/token"), imds.requests());
    }
  }

  @Test
  void anInstanceWithoutAnInstanceProfile() throws Exception {
    try (FakeImds imds = FakeImds.withoutRole()) {
      assertEquals("no instance role attached (IMDS at " + imds.endpoint() + " answered 404)",
          client.instanceRole(imds.endpoint()).failure());
    }
  }

  @Test
  void anEndpointThatNeverAnswersTimesOut() throws Exception {
    ImdsClient quick = new ImdsClient(300);
    try (SilentServer silent = new SilentServer()) {
      long start = System.nanoTime();
      ImdsAnswer answer = quick.instanceRole(silent.endpoint());
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertNull(answer.role());
      assertEquals("IMDS at " + silent.endpoint() + " did not answer within 300 ms", answer.failure());
      assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
    }
  }

  @Test
  void aRefusedConnection() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    assertEquals("IMDS at " + endpoint + " refused the connection", client.instanceRole(endpoint).failure());
  }

  @Test
  void anAnswerLargerThanTheBoundIsRefused() throws Exception {
    try (FakeImds imds = FakeImds.answering("r".repeat(20_000))) {
      assertEquals("IMDS at " + imds.endpoint() + ": answer longer than 8192 bytes",
          client.instanceRole(imds.endpoint()).failure());
    }
  }

  @Test
  void somethingThatIsNotARoleNameIsNotPrinted() throws Exception {
    try (FakeImds imds = FakeImds.answering("<html>\u001b[31mgotcha</html>")) {
      ImdsAnswer answer = client.instanceRole(imds.endpoint());
      assertNull(answer.role());
      assertEquals("IMDS at " + imds.endpoint() + " answered something that is not a role name", answer.failure());
    }
  }

  @Test
  void anEndpointWithABasePathKeepsIt() throws Exception {
    try (FakeImds imds = FakeImds.withRole("r")) {
      // The fake knows the standard paths only, so a base path shows up as a 404 on the token.
      assertEquals("IMDS at " + imds.endpoint() + "/base/ refused a session token (HTTP 404)",
          client.instanceRole(imds.endpoint() + "/base/").failure());
      assertEquals(List.of("PUT /base/latest/api/token"), imds.requests());
    }
  }

  @Test
  void onlyPlainHttpEndpoints() {
    assertEquals("IMDS at https://169.254.169.254: not an http:// endpoint",
        client.instanceRole("https://169.254.169.254").failure());
    assertEquals("IMDS endpoint 'http://bad host' is not a URI", client.instanceRole("http://bad host").failure());
  }

  @Test
  void timeoutsForPeople() {
    assertEquals("1 s", ImdsClient.duration(1000));
    assertEquals("1500 ms", ImdsClient.duration(1500));
  }
}
