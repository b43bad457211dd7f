package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainHttpTest {

  private static PlainHttp.Response parse(String answer, boolean ended) throws IOException {
    return PlainHttp.parse(answer.getBytes(StandardCharsets.UTF_8), ended);
  }

  @Test
  void aContentLengthEndsTheAnswerWithoutWaitingForTheServerToClose() throws IOException {
    PlainHttp.Response response = parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false);
    assertEquals(200, response.status);
    assertEquals("hello", response.body);
  }

  @Test
  void moreIsAwaitedUntilTheContentLengthIsReached() throws IOException {
    assertNull(parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", false));
    assertNull(parse("HTTP/1.1 200 OK\r\nContent-Len", false));
    assertThrows(IOException.class, () -> parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", true));
  }

  @Test
  void chunksAreJoined() throws IOException {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ndemo\r\n9;ext=1\r\n-instance\r\n0\r\n\r\n";
    assertEquals("demo-instance", parse(chunked, false).body);
    assertNull(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ndemo\r\n", false));
  }

  @Test
  void withoutLengthTheAnswerEndsWhenTheServerCloses() throws IOException {
    assertNull(parse("HTTP/1.0 404 Not Found\r\n\r\nnope", false));
    PlainHttp.Response response = parse("HTTP/1.0 404 Not Found\r\n\r\nnope", true);
    assertEquals(404, response.status);
    assertEquals("nope", response.body);
  }

  @Test
  void somethingElseThanHttpIsRefused() {
    assertThrows(IOException.class, () -> parse("SSH-2.0-OpenSSH\r\n\r\n", false));
    assertThrows(IOException.class, () -> parse("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", false));
    assertThrows(IOException.class, () -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false));
  }
}
