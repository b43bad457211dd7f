package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.awserrors.AwsErrorClassifier;
import io.credscope.bridge.Bridge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reading an error body ahead, then giving every byte back. */
class ReplayingInputStreamTest {

  private static final int LIMIT = AwsErrorClassifier.BODY_SCAN_LIMIT;

  private static byte[] body(int size) {
    byte[] body = new byte[size];
    new Random(size).nextBytes(body);
    return body;
  }

  /** Answers a few bytes at a time, as a socket does, and counts what was asked of it. */
  static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final int failAt;
    int position;
    boolean closed;

    Trickle(byte[] bytes, int failAt) {
      this.bytes = bytes;
      this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (position == failAt) {
        throw new IOException("connection reset at " + failAt);
      }
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(count, 777), bytes.length - position);
      if (failAt >= 0) {
        n = Math.min(n, failAt - position);
      }
      System.arraycopy(bytes, position, buffer, offset, n);
      position += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, LIMIT - 1, LIMIT, LIMIT + 1, 3 * LIMIT + 17, 200_000})
  void theApplicationReadsTheWholeBodyByteForByte(int size) throws IOException {
    byte[] body = body(size);
    Trickle source = new Trickle(body, -1);
    ReplayingInputStream replay = ReplayingInputStream.readAhead(source, LIMIT);
    assertEquals(Math.min(size, LIMIT), replay.prefixLength(), "bounded read");
    assertTrue(source.position <= LIMIT, "never more than the limit read ahead: " + source.position);
    assertEquals(size < LIMIT, replay.whole(), "whole only when the body ended within the limit");
    assertArrayEquals(Arrays.copyOf(body, Math.min(size, LIMIT)), Arrays.copyOf(replay.prefix(), replay.prefixLength()));
    assertArrayEquals(body, replay.readAllBytes());
    assertEquals(-1, replay.read());
    assertEquals(-1, replay.read(new byte[4], 0, 4));
  }

  @Test
  void singleBytesArraysAndSkipsGiveTheSameBytesAsTheOriginal() throws IOException {
    byte[] body = body(LIMIT + 5000);
    ReplayingInputStream replay = ReplayingInputStream.readAhead(new ByteArrayInputStream(body), LIMIT);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    int position = 0;
    read.write(replay.read());
    expected.write(body, position, 1);
    position += 1;
    byte[] chunk = new byte[1000];
    int n = replay.read(chunk, 10, 990);
    read.write(chunk, 10, n);
    expected.write(body, position, n);
    position += n;
    position += (int) replay.skip(100);
    // A skip stops at the end of the prefix, as a short skip may.
    long far = replay.skip(LIMIT);
    assertEquals(LIMIT, position + far);
    position += (int) far;
    position += (int) replay.skip(10);
    read.write(replay.readAllBytes());
    expected.write(body, position, body.length - position);
    assertArrayEquals(expected.toByteArray(), read.toByteArray());
  }

  @Test
  void aReadOfThePrefixNeverWaitsForMore() throws IOException {
    byte[] body = body(300);
    ReplayingInputStream replay = ReplayingInputStream.readAhead(new ByteArrayInputStream(body), LIMIT);
    assertEquals(300, replay.available());
    assertEquals(300, replay.read(new byte[1000], 0, 1000));
    assertEquals(0, replay.available());
    assertEquals(0, replay.read(new byte[10], 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> replay.read(new byte[10], 5, 6));
  }

  @Test
  void aFailureWhileReadingAheadComesAfterTheBytesBeforeIt() throws IOException {
    byte[] body = body(5000);
    Trickle source = new Trickle(body, 3000);
    ReplayingInputStream replay = ReplayingInputStream.readAhead(source, LIMIT);
    assertTrue(replay.failed());
    assertFalse(replay.whole());
    assertEquals(3000, replay.prefixLength());
    byte[] got = new byte[3000];
    int read = 0;
    while (read < got.length) {
      read += replay.read(got, read, got.length - read);
    }
    assertArrayEquals(Arrays.copyOf(body, 3000), got);
    IOException failure = assertThrows(IOException.class, replay::read);
    assertEquals("connection reset at 3000", failure.getMessage());
    // Thrown once; after it, the stream is the original one again, as it would have been.
    assertThrows(IOException.class, replay::read, "the source still fails where it failed");
  }

  @Test
  void aFailureAtTheFirstByteLeavesNothingButTheFailure() {
    ReplayingInputStream replay = ReplayingInputStream.readAhead(new Trickle(body(10), 0), LIMIT);
    assertEquals(0, replay.prefixLength());
    assertThrows(IOException.class, () -> replay.read(new byte[5], 0, 5));
  }

  @Test
  void aRuntimeFailureIsKeptToo() {
    InputStream broken = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("pool shut down");
      }
    };
    ReplayingInputStream replay = ReplayingInputStream.readAhead(broken, LIMIT);
    assertTrue(replay.failed());
    assertEquals("pool shut down", assertThrows(IllegalStateException.class, replay::read).getMessage());
  }

  @Test
  void closingClosesTheOriginal() throws IOException {
    Trickle source = new Trickle(body(20_000), -1);
    ReplayingInputStream replay = ReplayingInputStream.readAhead(source, LIMIT);
    replay.close();
    assertTrue(source.closed);
    assertFalse(replay.markSupported());
  }

  @Test
  void anEndedBodyIsNotReadAgain() throws IOException {
    InputStream once = new InputStream() {
      boolean ended;

      @Override
      public int read() throws IOException {
        if (ended) {
          throw new IOException("stream closed at its end, as the JDK's keep-alive stream is");
        }
        ended = true;
        return -1;
      }
    };
    ReplayingInputStream replay = ReplayingInputStream.readAhead(once, LIMIT);
    assertTrue(replay.whole());
    assertEquals(-1, replay.read());
    assertEquals(0, replay.skip(5));
    assertEquals(0, replay.available());
  }

  @Test
  void theBridgeLimitIsTheClassifiersLimit() {
    assertEquals(AwsErrorClassifier.BODY_SCAN_LIMIT, Bridge.ERROR_BODY_LIMIT);
  }
}
