package io.credscope.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * Reads who signed an AWS request, from its {@code Authorization} header or from a presigned URL's query.
 *
 * <p>HTTP client hooks call this on application threads for every request, so it walks the characters once,
 * with no regular expressions and no splitting, allocates only the strings it returns, and answers null, never
 * an exception, for anything that is not a well-formed SigV4 or SigV4a signature. It never copies the value of
 * a security token: {@code X-Amz-Security-Token} is only noted as present.
 */
public final class SigV4Parser {

  private static final String CREDENTIAL = "Credential";
  private static final String SIGNED_HEADERS = "SignedHeaders";
  private static final String SIGNATURE = "Signature";
  private static final String SCOPE_TERMINATOR = "aws4_request";
  private static final int DATE_LENGTH = 8;
  private static final String SECURITY_TOKEN_HEADER = "x-amz-security-token";

  private static final String QUERY_ALGORITHM = "X-Amz-Algorithm";
  private static final String QUERY_CREDENTIAL = "X-Amz-Credential";
  private static final String QUERY_DATE = "X-Amz-Date";
  private static final String QUERY_EXPIRES = "X-Amz-Expires";
  private static final String QUERY_SIGNED_HEADERS = "X-Amz-SignedHeaders";
  private static final String QUERY_SIGNATURE = "X-Amz-Signature";
  private static final String QUERY_SECURITY_TOKEN = "X-Amz-Security-Token";
  private static final String QUERY_REGION_SET = "X-Amz-Region-Set";
  /** Longer would overflow a long; no real URL is valid for more than a week anyway. */
  private static final int MAX_EXPIRES_DIGITS = 18;

  private SigV4Parser() {
  }

  /** A prefix check only, for deciding cheaply whether {@link #parseAuthorizationHeader} is worth calling. */
  public static boolean looksSigned(String authorizationHeaderOrNull) {
    if (authorizationHeaderOrNull == null) {
      return false;
    }
    int start = skipWhitespace(authorizationHeaderOrNull, 0, authorizationHeaderOrNull.length());
    return SigV4Algorithm.startingAt(authorizationHeaderOrNull, start) != null;
  }

  /**
   * Parses an {@code Authorization} header value such as {@code AWS4-HMAC-SHA256 Credential=AKID/20150830/
   * us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=...}. The three components may come
   * in any order, with or without spaces after the commas.
   *
   * @param regionSetHeaderOrNull the request's {@code X-Amz-Region-Set} value; SigV4a scopes have no region
   * @return null unless it is a complete SigV4 or SigV4a header
   */
  public static SigV4Authorization parseAuthorizationHeader(String headerValue, String regionSetHeaderOrNull) {
    return parseAuthorizationHeader(headerValue, regionSetHeaderOrNull, false);
  }

  /**
   * Like {@link #parseAuthorizationHeader(String, String)}, for a hook that has seen the request's headers.
   *
   * @param securityTokenHeaderPresent whether the request has an {@code X-Amz-Security-Token} header. The
   *     {@code Authorization} header names the token only when it was signed, and some services take it unsigned.
   */
  public static SigV4Authorization parseAuthorizationHeader(String headerValue, String regionSetHeaderOrNull,
      boolean securityTokenHeaderPresent) {
    if (headerValue == null) {
      return null;
    }
    int end = trimEnd(headerValue, 0, headerValue.length());
    int position = skipWhitespace(headerValue, 0, end);
    SigV4Algorithm algorithm = SigV4Algorithm.startingAt(headerValue, position);
    if (algorithm == null) {
      return null;
    }
    position += algorithm.id().length();
    if (position >= end || !isWhitespace(headerValue.charAt(position))) {
      return null;
    }
    int credentialStart = -1;
    int credentialEnd = -1;
    int signedHeadersStart = -1;
    int signedHeadersEnd = -1;
    boolean signature = false;
    while (position < end) {
      int componentEnd = indexOf(headerValue, ',', position, end);
      if (componentEnd < 0) {
        componentEnd = end;
      }
      int nameStart = skipWhitespace(headerValue, position, componentEnd);
      int equals = indexOf(headerValue, '=', nameStart, componentEnd);
      if (equals > nameStart) {
        int nameEnd = trimEnd(headerValue, nameStart, equals);
        int valueStart = skipWhitespace(headerValue, equals + 1, componentEnd);
        int valueEnd = trimEnd(headerValue, valueStart, componentEnd);
        if (valueEnd > valueStart) {
          // The first occurrence wins: a repeated component is as likely an attack as a bug.
          if (isName(headerValue, nameStart, nameEnd, CREDENTIAL)) {
            if (credentialStart < 0) {
              credentialStart = valueStart;
              credentialEnd = valueEnd;
            }
          } else if (isName(headerValue, nameStart, nameEnd, SIGNED_HEADERS)) {
            if (signedHeadersStart < 0) {
              signedHeadersStart = valueStart;
              signedHeadersEnd = valueEnd;
            }
          } else if (isName(headerValue, nameStart, nameEnd, SIGNATURE)) {
            signature = true;
          }
        }
      }
      position = componentEnd + 1;
    }
    if (credentialStart < 0 || signedHeadersStart < 0 || !signature
        || !credentialShaped(algorithm, headerValue, credentialStart, credentialEnd)) {
      return null;
    }
    String signedHeaders = headerValue.substring(signedHeadersStart, signedHeadersEnd);
    boolean securityToken =
        securityTokenHeaderPresent || SigV4Authorization.listsHeader(signedHeaders, SECURITY_TOKEN_HEADER);
    return fromCredential(algorithm, headerValue, credentialStart, credentialEnd, signedHeaders,
        regionSetHeaderOrNull, false, -1, null, securityToken);
  }

  /**
   * Parses the query of a presigned URL: {@code X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20130524
   * %2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=...&X-Amz-Expires=...&X-Amz-SignedHeaders=host&X-Amz-Signature=...}.
   * A whole URL is accepted too: anything up to the first {@code ?} and from the first {@code #} is ignored.
   * Values are percent-decoded; {@code +} is kept as is, since SigV4 encodes a space as {@code %20}.
   *
   * @return null unless the query has a known algorithm, a well-formed credential, signed headers and a signature
   */
  public static SigV4Authorization parsePresignedQuery(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    int length = rawQuery.length();
    int start = indexOf(rawQuery, '?', 0, length) + 1;
    int end = indexOf(rawQuery, '#', start, length);
    if (end < 0) {
      end = length;
    }
    int algorithmStart = -1;
    int algorithmEnd = -1;
    int credentialStart = -1;
    int credentialEnd = -1;
    int dateStart = -1;
    int dateEnd = -1;
    int expiresStart = -1;
    int expiresEnd = -1;
    int signedHeadersStart = -1;
    int signedHeadersEnd = -1;
    int regionSetStart = -1;
    int regionSetEnd = -1;
    boolean signature = false;
    boolean securityToken = false;
    int position = start;
    while (position < end) {
      int parameterEnd = indexOf(rawQuery, '&', position, end);
      if (parameterEnd < 0) {
        parameterEnd = end;
      }
      int equals = indexOf(rawQuery, '=', position, parameterEnd);
      int nameEnd = equals < 0 ? parameterEnd : equals;
      int valueStart = equals < 0 ? parameterEnd : equals + 1;
      boolean hasValue = parameterEnd > valueStart;
      if (!hasValue || nameEnd - position < QUERY_DATE.length()) {
        // Not one of ours: all our names are at least as long as X-Amz-Date, and all need a value.
      } else if (isName(rawQuery, position, nameEnd, QUERY_ALGORITHM)) {
        if (algorithmStart < 0) {
          algorithmStart = valueStart;
          algorithmEnd = parameterEnd;
        }
      } else if (isName(rawQuery, position, nameEnd, QUERY_CREDENTIAL)) {
        if (credentialStart < 0) {
          credentialStart = valueStart;
          credentialEnd = parameterEnd;
        }
      } else if (isName(rawQuery, position, nameEnd, QUERY_DATE)) {
        if (dateStart < 0) {
          dateStart = valueStart;
          dateEnd = parameterEnd;
        }
      } else if (isName(rawQuery, position, nameEnd, QUERY_EXPIRES)) {
        if (expiresStart < 0) {
          expiresStart = valueStart;
          expiresEnd = parameterEnd;
        }
      } else if (isName(rawQuery, position, nameEnd, QUERY_SIGNED_HEADERS)) {
        if (signedHeadersStart < 0) {
          signedHeadersStart = valueStart;
          signedHeadersEnd = parameterEnd;
        }
      } else if (isName(rawQuery, position, nameEnd, QUERY_REGION_SET)) {
        if (regionSetStart < 0) {
          regionSetStart = valueStart;
          regionSetEnd = parameterEnd;
        }
      } else if (isName(rawQuery, position, nameEnd, QUERY_SIGNATURE)) {
        signature = true;
      } else if (isName(rawQuery, position, nameEnd, QUERY_SECURITY_TOKEN)) {
        // Only its presence: the value is a secret and is never decoded or copied.
        securityToken = true;
      }
      position = parameterEnd + 1;
    }
    if (algorithmStart < 0 || credentialStart < 0 || signedHeadersStart < 0 || !signature) {
      return null;
    }
    SigV4Algorithm algorithm = SigV4Algorithm.exactly(rawQuery, algorithmStart, algorithmEnd);
    if (algorithm == null) {
      return null;
    }
    String credential = percentDecode(rawQuery, credentialStart, credentialEnd);
    String signedHeaders = percentDecode(rawQuery, signedHeadersStart, signedHeadersEnd);
    if (credential == null || signedHeaders == null
        || !credentialShaped(algorithm, credential, 0, credential.length())) {
      return null;
    }
    String signedAt = dateStart < 0 ? null : percentDecode(rawQuery, dateStart, dateEnd);
    String regionSet = regionSetStart < 0 ? null : percentDecode(rawQuery, regionSetStart, regionSetEnd);
    long expiresSeconds = expiresStart < 0 ? -1 : seconds(rawQuery, expiresStart, expiresEnd);
    securityToken |= SigV4Authorization.listsHeader(signedHeaders, SECURITY_TOKEN_HEADER);
    return fromCredential(algorithm, credential, 0, credential.length(), signedHeaders, regionSet, true,
        expiresSeconds, signedAt, securityToken);
  }

  /**
   * Whether {@code text[start, end)} is {@code key/yyyyMMdd/region/service/aws4_request} (SigV4) or
   * {@code key/yyyyMMdd/service/aws4_request} (SigV4a), with no empty part and no whitespace. Checked before any
   * string is cut, so that a rejected header costs no allocation.
   */
  private static boolean credentialShaped(SigV4Algorithm algorithm, String text, int start, int end) {
    int parts = algorithm.multiRegion() ? 4 : 5;
    int part = 0;
    int partStart = start;
    for (int i = start; i <= end; i++) {
      if (i < end && text.charAt(i) <= ' ') {
        return false;
      }
      if (i == end || text.charAt(i) == '/') {
        if (i == partStart || part == parts) {
          return false;
        }
        if (part == 1 && !isDate(text, partStart, i)) {
          return false;
        }
        part++;
        partStart = i + 1;
      }
    }
    int terminatorStart = end - SCOPE_TERMINATOR.length();
    return part == parts && terminatorStart > start && text.charAt(terminatorStart - 1) == '/'
        && text.startsWith(SCOPE_TERMINATOR, terminatorStart);
  }

  /** Cuts a credential that {@link #credentialShaped} accepted into its parts. */
  private static SigV4Authorization fromCredential(SigV4Algorithm algorithm, String text, int start, int end,
      String signedHeaders, String regionSet, boolean presigned, long expiresSeconds, String signedAt,
      boolean securityToken) {
    int keyEnd = text.indexOf('/', start);
    int dateEnd = text.indexOf('/', keyEnd + 1);
    String region;
    int serviceStart;
    if (algorithm.multiRegion()) {
      region = trimmedOrNull(regionSet);
      serviceStart = dateEnd + 1;
    } else {
      int regionEnd = text.indexOf('/', dateEnd + 1);
      region = text.substring(dateEnd + 1, regionEnd);
      serviceStart = regionEnd + 1;
    }
    int serviceEnd = text.indexOf('/', serviceStart);
    return new SigV4Authorization(algorithm, text.substring(start, keyEnd), text.substring(keyEnd + 1, dateEnd),
        region, text.substring(serviceStart, serviceEnd), signedHeaders, presigned, expiresSeconds, signedAt,
        securityToken);
  }

  private static boolean isDate(String text, int start, int end) {
    if (end - start != DATE_LENGTH) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static long seconds(String text, int start, int end) {
    if (end <= start || end - start > MAX_EXPIRES_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Decodes {@code %XX} escapes as UTF-8; null for a broken escape or a raw non-ASCII character next to escapes.
   * Without any escape it is a plain substring.
   */
  private static String percentDecode(String text, int start, int end) {
    if (indexOf(text, '%', start, end) < 0) {
      return text.substring(start, end);
    }
    byte[] bytes = new byte[end - start];
    int length = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= end) {
          return null;
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes[length++] = (byte) (high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        return null;
      }
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private static String trimmedOrNull(String value) {
    if (value == null) {
      return null;
    }
    int end = trimEnd(value, 0, value.length());
    int start = skipWhitespace(value, 0, end);
    return start == end ? null : value.substring(start, end);
  }

  private static boolean isName(String text, int start, int end, String name) {
    return end - start == name.length() && text.regionMatches(true, start, name, 0, name.length());
  }

  /** Like {@link String#indexOf(int, int)}, but never looks at or past {@code end}. */
  private static int indexOf(String text, char c, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int skipWhitespace(String text, int start, int end) {
    while (start < end && isWhitespace(text.charAt(start))) {
      start++;
    }
    return start;
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
