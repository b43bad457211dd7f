package io.credscope.awserrors;

import java.nio.charset.StandardCharsets;

/**
 * Finds the text of the first {@code <Code>} that is a direct child of an {@code <Error>} element, with a single
 * forward scan over the bytes: no DOM, no XML parser, nothing allocated but the code. That covers every AWS XML
 * error shape ({@code <ErrorResponse><Error>}, {@code <Response><Errors><Error>}, S3's bare {@code <Error>}),
 * and a {@code <Code>} nested deeper inside the error's details is not mistaken for it.
 */
final class XmlErrorBody {

  private static final byte[] ERROR = ascii("Error");
  private static final byte[] CODE = ascii("Code");
  private static final byte[] COMMENT_START = ascii("<!--");
  private static final byte[] COMMENT_END = ascii("-->");
  private static final byte[] CDATA_START = ascii("<![CDATA[");
  private static final byte[] CDATA_END = ascii("]]>");
  private static final byte[] DECLARATION_END = ascii("?>");
  private static final byte[] TAG_END = ascii(">");

  private XmlErrorBody() {
  }

  /** The trimmed code, or null if there is none in {@code body[start, end)} or it is cut off. */
  static String code(byte[] body, int start, int end) {
    // Depth below the <Error> element being read; -1 while outside any.
    int depth = -1;
    int position = start;
    while (position >= 0 && position < end) {
      int open = indexOf(body, (byte) '<', position, end);
      if (open < 0 || open + 1 >= end) {
        return null;
      }
      byte next = body[open + 1];
      if (next == '?') {
        position = after(body, DECLARATION_END, open + 2, end);
      } else if (next == '!') {
        if (startsWith(body, open, end, COMMENT_START)) {
          position = after(body, COMMENT_END, open + COMMENT_START.length, end);
        } else if (startsWith(body, open, end, CDATA_START)) {
          position = after(body, CDATA_END, open + CDATA_START.length, end);
        } else {
          position = after(body, TAG_END, open + 2, end);
        }
      } else {
        int close = indexOf(body, (byte) '>', open + 1, end);
        if (close < 0) {
          return null;
        }
        boolean endTag = next == '/';
        int nameStart = endTag ? open + 2 : open + 1;
        int nameEnd = nameStart;
        while (nameEnd < close && body[nameEnd] != '/' && body[nameEnd] > ' ') {
          if (body[nameEnd] == ':') {
            // A namespace prefix: compare the local name only.
            nameStart = nameEnd + 1;
          }
          nameEnd++;
        }
        if (endTag) {
          // Closing the <Error> itself (depth 0) means it had no code; look for another one.
          depth = depth > 0 ? depth - 1 : -1;
        } else if (body[close - 1] != '/') {
          if (depth < 0) {
            depth = isName(body, nameStart, nameEnd, ERROR) ? 0 : -1;
          } else if (depth == 0 && isName(body, nameStart, nameEnd, CODE)) {
            return text(body, close + 1, end);
          } else {
            depth++;
          }
        }
        position = close + 1;
      }
    }
    return null;
  }

  /** The trimmed text up to the next tag; null if empty or if the body ends before that tag. */
  private static String text(byte[] body, int start, int end) {
    int stop = indexOf(body, (byte) '<', start, end);
    if (stop < 0) {
      return null;
    }
    while (start < stop && body[start] >= 0 && body[start] <= ' ') {
      start++;
    }
    while (stop > start && body[stop - 1] >= 0 && body[stop - 1] <= ' ') {
      stop--;
    }
    return start == stop ? null : new String(body, start, stop - start, StandardCharsets.UTF_8);
  }

  private static boolean isName(byte[] body, int start, int end, byte[] name) {
    return end - start == name.length && startsWith(body, start, end, name);
  }

  private static boolean startsWith(byte[] body, int start, int end, byte[] prefix) {
    if (end - start < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[start + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The index just after the first {@code pattern} at or after {@code start}, or -1. */
  private static int after(byte[] body, byte[] pattern, int start, int end) {
    for (int i = start; i + pattern.length <= end; i++) {
      if (startsWith(body, i, end, pattern)) {
        return i + pattern.length;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] body, byte b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (body[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
