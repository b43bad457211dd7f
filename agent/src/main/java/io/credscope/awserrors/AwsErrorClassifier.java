package io.credscope.awserrors;

/**
 * Finds the error code in an AWS error response, from whatever an HTTP client hook has at hand: the status, the
 * headers, and the first bytes of the body. It works for every AWS protocol, in the order the SDKs use:
 * <ol>
 *   <li>{@code x-amzn-query-error} (JSON services that keep their former Query API's codes), the part before
 *       {@code ;};</li>
 *   <li>{@code X-Amzn-ErrorType};</li>
 *   <li>a JSON body's top-level {@code code}, else its top-level {@code __type};</li>
 *   <li>an XML body's first {@code <Code>} directly inside an {@code <Error>} element: Query's
 *       {@code <ErrorResponse><Error>}, EC2's {@code <Response><Errors><Error>}, REST-XML and S3's bare
 *       {@code <Error>}.</li>
 * </ol>
 * It runs on application threads, so it reads at most {@link #BODY_SCAN_LIMIT} bytes, builds no document,
 * accepts a body cut anywhere, and never throws: whatever it cannot read gives a result without a code.
 */
public final class AwsErrorClassifier {

  /**
   * The most body bytes ever read. Error codes come in the first few hundred bytes; a longer prefix is not read,
   * so that a large body cannot cost the application time.
   */
  public static final int BODY_SCAN_LIMIT = 8 * 1024;

  static final String QUERY_ERROR_HEADER = "x-amzn-query-error";
  static final String ERROR_TYPE_HEADER = "x-amzn-errortype";

  private AwsErrorClassifier() {
  }

  /**
   * @param headers the response headers, or null if the hook has none
   * @param bodyPrefix the first bytes of the body as received (UTF-8), or null
   * @param length how many bytes of {@code bodyPrefix} are valid
   * @return null for a status below 400, else the error, with a null code if none was found
   */
  public static AwsErrorCode classify(int status, HeaderLookup headers, byte[] bodyPrefix, int length) {
    if (status < 400) {
      return null;
    }
    if (headers != null) {
      String code = queryErrorCode(header(headers, QUERY_ERROR_HEADER));
      if (code != null) {
        return new AwsErrorCode(code, status, AwsErrorCode.Source.QUERY_ERROR_HEADER);
      }
      code = normalize(header(headers, ERROR_TYPE_HEADER));
      if (code != null) {
        return new AwsErrorCode(code, status, AwsErrorCode.Source.ERROR_TYPE_HEADER);
      }
    }
    if (bodyPrefix == null || length <= 0) {
      return new AwsErrorCode(null, status, AwsErrorCode.Source.NONE);
    }
    int end = Math.min(Math.min(length, bodyPrefix.length), BODY_SCAN_LIMIT);
    int start = skipBomAndWhitespace(bodyPrefix, end);
    String code = null;
    AwsErrorCode.Source source = AwsErrorCode.Source.NONE;
    try {
      if (start < end && bodyPrefix[start] == '{') {
        code = normalize(JsonErrorBody.code(bodyPrefix, start, end));
        source = AwsErrorCode.Source.JSON_BODY;
      } else if (start < end && bodyPrefix[start] == '<') {
        code = XmlErrorBody.code(bodyPrefix, start, end);
        source = AwsErrorCode.Source.XML_BODY;
      }
    } catch (RuntimeException e) {
      // Only a bug could get here; an unknown code is better than an exception in the application.
      code = null;
    }
    return new AwsErrorCode(code, status, source);
  }

  /**
   * As {@link #classify(int, HeaderLookup, byte[], int)}, for a hook that hands over the only two headers the
   * classifier reads rather than a lookup.
   *
   * @param queryError the {@code x-amzn-query-error} header, or null
   * @param errorType the {@code X-Amzn-ErrorType} header, or null
   */
  public static AwsErrorCode classify(int status, final String queryError, final String errorType, byte[] bodyPrefix,
      int length) {
    HeaderLookup headers = queryError == null && errorType == null ? null : new HeaderLookup() {
      @Override
      public String get(String name) {
        return QUERY_ERROR_HEADER.equalsIgnoreCase(name) ? queryError
            : ERROR_TYPE_HEADER.equalsIgnoreCase(name) ? errorType : null;
      }
    };
    return classify(status, headers, bodyPrefix, length);
  }

  /**
   * Strips what the JSON protocols may add around a code: a URI after the first {@code :}
   * ({@code FooError:http://internal.amazon.com/...}), then a namespace up to the first {@code #}
   * ({@code aws.protocoltests.json#FooError}). The colon goes first because a URI may itself contain {@code #}.
   */
  static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    int end = raw.indexOf(':');
    if (end < 0) {
      end = raw.length();
    }
    int start = raw.indexOf('#');
    start = start < 0 || start >= end ? 0 : start + 1;
    return trimmedOrNull(raw, start, end);
  }

  /** {@code Customized;Sender} gives {@code Customized}. */
  private static String queryErrorCode(String raw) {
    if (raw == null) {
      return null;
    }
    int end = raw.indexOf(';');
    return trimmedOrNull(raw, 0, end < 0 ? raw.length() : end);
  }

  private static String header(HeaderLookup headers, String name) {
    try {
      return headers.get(name);
    } catch (RuntimeException e) {
      // The adapter belongs to a hook for some client library; its failure must not become the application's.
      return null;
    }
  }

  private static String trimmedOrNull(String text, int start, int end) {
    while (start < end && text.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    return start == end ? null : text.substring(start, end);
  }

  private static int skipBomAndWhitespace(byte[] body, int end) {
    int start = 0;
    if (end >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
      start = 3;
    }
    while (start < end && (body[start] == ' ' || body[start] == '\t' || body[start] == '\r' || body[start] == '\n')) {
      start++;
    }
    return start;
  }
}
