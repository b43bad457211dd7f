package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code java.net.http.HttpResponse} error through {@link JavaHttpApi}: two response headers, the request's {@code X-Amz-Target}, and the body
 * when the body handler made it a {@code String} or a {@code byte[]}. The body is never read from a stream: any
 * other body type is the application's to consume.
 */
final class JavaHttpResponses {

  private JavaHttpResponses() {
  }

  /** What the classifier needs of one error response. */
  static final class Error {
    final String amzTarget;
    final String queryError;
    final String errorType;
    final byte[] body;
    final int length;
    final boolean whole;

    Error(String amzTarget, String queryError, String errorType, byte[] body, int length, boolean whole) {
      this.amzTarget = amzTarget;
      this.queryError = queryError;
      this.errorType = errorType;
      this.body = body;
      this.length = length;
      this.whole = whole;
    }
  }

  /** Reads what it can; a part it cannot read is null. */
  static Error error(Object response) {
    JavaHttpApi api = JavaHttpApi.get();
    if (api == null || response == null) {
      return new Error(null, null, null, null, 0, true);
    }
    Object headers = JavaHttpApi.call(api.responseHeaders, response);
    Object request = JavaHttpApi.call(api.request, response);
    Object requestHeaders = request == null ? null : JavaHttpApi.call(api.requestHeaders, request);
    Object body = JavaHttpApi.call(api.body, response);
    byte[] prefix = null;
    boolean whole = true;
    if (body instanceof byte[]) {
      prefix = (byte[]) body;
      whole = prefix.length <= AwsErrorClassifier.BODY_SCAN_LIMIT;
    } else if (body instanceof String) {
      String text = (String) body;
      // No more characters than the limit: each is at least one byte.
      int chars = Math.min(text.length(), AwsErrorClassifier.BODY_SCAN_LIMIT);
      prefix = text.substring(0, chars).getBytes(StandardCharsets.UTF_8);
      whole = chars == text.length() && prefix.length <= AwsErrorClassifier.BODY_SCAN_LIMIT;
    }
    return new Error(api.firstValue(requestHeaders, "X-Amz-Target"), api.firstValue(headers, "x-amzn-query-error"),
        api.firstValue(headers, "X-Amzn-ErrorType"), prefix,
        prefix == null ? 0 : Math.min(prefix.length, AwsErrorClassifier.BODY_SCAN_LIMIT), whole);
  }

  /** A header of the request the response answers, or {@code null}. */
  static String requestHeader(Object response, String name) {
    JavaHttpApi api = JavaHttpApi.get();
    Object request = api == null || response == null ? null : JavaHttpApi.call(api.request, response);
    return request == null ? null : api.firstValue(JavaHttpApi.call(api.requestHeaders, request), name);
  }

  /** The response's status, or -1 when it cannot be read. */
  static int status(Object response) {
    JavaHttpApi api = JavaHttpApi.get();
    Object status = api == null || response == null ? null : JavaHttpApi.call(api.statusCode, response);
    return status instanceof Integer ? (Integer) status : -1;
  }
}
