package io.credscope.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body whose first bytes were read ahead, so that they could be classified, and are now given back:
 * the application reads the prefix, then the rest of the original stream, byte for byte as it would have without
 * credscope. Reading ahead stops at the limit or at the end of the body, whichever comes first, and never throws:
 * a failure while reading ahead is kept and thrown to the application at the point where it would have met it,
 * after the bytes that came before it.
 */
public final class ReplayingInputStream extends InputStream {

  private final InputStream body;
  private final byte[] prefix;
  private final int length;
  /** The original stream ended within the prefix: it is not read again. */
  private final boolean ended;
  /** What reading ahead ran into, thrown once the prefix is replayed; null when nothing failed. */
  private Throwable failure;
  private int position;

  private ReplayingInputStream(InputStream body, byte[] prefix, int length, boolean ended, Throwable failure) {
    this.body = body;
    this.prefix = prefix;
    this.length = length;
    this.ended = ended;
    this.failure = failure;
  }

  /**
   * Reads at most {@code limit} bytes of {@code body}, blocking as the application's own read would, and returns
   * the stream to hand on in its place. Never throws.
   */
  public static ReplayingInputStream readAhead(InputStream body, int limit) {
    byte[] prefix = new byte[Math.max(0, limit)];
    int length = 0;
    boolean ended = false;
    Throwable failure = null;
    try {
      while (length < prefix.length) {
        int read = body.read(prefix, length, prefix.length - length);
        if (read < 0) {
          ended = true;
          break;
        }
        length += read;
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    return new ReplayingInputStream(body, prefix, length, ended, failure);
  }

  /** The bytes read ahead; valid up to {@link #prefixLength()}. Shared, not copied: do not change them. */
  public byte[] prefix() {
    return prefix;
  }

  public int prefixLength() {
    return length;
  }

  /** Whether the prefix is the whole body: the original stream ended within the limit. */
  public boolean whole() {
    return ended;
  }

  /** Whether reading ahead failed; the application will meet the same failure after the prefix. */
  public boolean failed() {
    return failure != null;
  }

  @Override
  public int read() throws IOException {
    if (position < length) {
      return prefix[position++] & 0xff;
    }
    if (ended) {
      return -1;
    }
    rethrow();
    return body.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    if (offset < 0 || count < 0 || count > buffer.length - offset) {
      throw new IndexOutOfBoundsException();
    }
    if (count == 0) {
      return 0;
    }
    if (position < length) {
      // Only what is at hand, as a socket stream answers with what has arrived: no blocking for more.
      int copied = Math.min(count, length - position);
      System.arraycopy(prefix, position, buffer, offset, copied);
      position += copied;
      return copied;
    }
    if (ended) {
      return -1;
    }
    rethrow();
    return body.read(buffer, offset, count);
  }

  @Override
  public long skip(long count) throws IOException {
    if (count <= 0) {
      return 0;
    }
    if (position < length) {
      int skipped = (int) Math.min(count, length - position);
      position += skipped;
      return skipped;
    }
    if (ended) {
      return 0;
    }
    rethrow();
    return body.skip(count);
  }

  @Override
  public int available() throws IOException {
    if (position < length) {
      return length - position;
    }
    return ended || failure != null ? 0 : body.available();
  }

  @Override
  public void close() throws IOException {
    body.close();
  }

  private void rethrow() throws IOException {
    Throwable pending = failure;
    if (pending == null) {
      return;
    }
    failure = null;
    if (pending instanceof IOException) {
      throw (IOException) pending;
    }
    throw (RuntimeException) pending;
  }
}
