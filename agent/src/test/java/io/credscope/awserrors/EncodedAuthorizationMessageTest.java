package io.credscope.awserrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodedAuthorizationMessageTest {

  private static final String TOKEN = "4GIOHlTkIaWHQD0Q0m6XSnuUMCm-XqkEBe8ZA_j1YTOThfoN1E2YDJmL";

  private static String token(String body, boolean whole) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return EncodedAuthorizationMessage.token(bytes, bytes.length, whole);
  }

  @Test
  void findsTheTokenOfAnEc2UnauthorizedOperation() {
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>UnauthorizedOperation"
        + "</Code><Message>You are not authorized to perform this operation. Encoded authorization failure message: "
        + TOKEN + "</Message></Error></Errors><RequestID>a1b2</RequestID></Response>";
    assertEquals(TOKEN, token(body, true));
    assertEquals(TOKEN, token(body, false), "ended before the cut");
  }

  @Test
  void findsItInAJsonMessageAndWhateverTheCase() {
    assertEquals(TOKEN, token("{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized. "
        + "encoded AUTHORIZATION failure message:" + TOKEN + "\"}", false));
  }

  @Test
  void aTokenThatMayBeCutIsNotReported() {
    String body = "<Message>Encoded authorization failure message: " + TOKEN;
    assertNull(token(body, false), "the bounded read ended inside the token");
    assertEquals(TOKEN, token(body, true), "the body itself ended there");
    byte[] bytes = (body + "</Message>").getBytes(StandardCharsets.UTF_8);
    assertNull(EncodedAuthorizationMessage.token(bytes, body.length() - 5, false));
  }

  @Test
  void noMarkerOrNoTokenIsNothing() {
    assertNull(token("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", true));
    assertNull(token("Encoded authorization failure message: </Message>", true));
    assertNull(token("Encoded authorization failure message", true));
    assertNull(EncodedAuthorizationMessage.token(null, 0, true));
  }

  @Test
  void theRemedyIsTheExactCommand() {
    assertEquals("aws sts decode-authorization-message --encoded-message " + TOKEN,
        EncodedAuthorizationMessage.decodeCommand(TOKEN));
  }
}
