package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a {@code java.net.http.HttpResponse} error, which this Java 8 code cannot name, through the public
 * interfaces' methods, looked up once: two response headers, the request's {@code X-Amz-Target}, and the body
 * when the body handler made it a {@code String} or a {@code byte[]}. The body is never read from a stream: any
 * other body type is the application's to consume.
 */
final class JavaHttpResponses {

  private static volatile Methods methods;

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
    Methods found = methods();
    if (found == null || response == null) {
      return new Error(null, null, null, null, 0, true);
    }
    Object headers = call(found.responseHeaders, response);
    Object request = call(found.request, response);
    Object requestHeaders = request == null ? null : call(found.requestHeaders, request);
    Object body = call(found.body, response);
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
    return new Error(firstValue(found, requestHeaders, "X-Amz-Target"),
        firstValue(found, headers, "x-amzn-query-error"), firstValue(found, headers, "X-Amzn-ErrorType"), prefix,
        prefix == null ? 0 : Math.min(prefix.length, AwsErrorClassifier.BODY_SCAN_LIMIT), whole);
  }

  /** A response header's first value, or {@code null}. */
  static String header(Object response, String name) {
    Methods found = methods();
    return found == null || response == null ? null : firstValue(found, call(found.responseHeaders, response), name);
  }

  /**
   * Frees a response a retry replaces: a body the handler left as a stream is closed, so that its connection is
   * let go; any other body is already read.
   */
  static void discard(Object response) {
    Methods found = methods();
    Object body = found == null || response == null ? null : call(found.body, response);
    if (body instanceof java.io.Closeable) {
      try {
        ((java.io.Closeable) body).close();
      } catch (java.io.IOException | RuntimeException ignored) {
        // The response is dropped either way.
      }
    }
  }

  private static String firstValue(Methods found, Object headers, String name) {
    Object value = headers == null ? null : call(found.firstValue, headers, name);
    if (value instanceof Optional) {
      Object present = ((Optional<?>) value).orElse(null);
      return present instanceof String ? (String) present : null;
    }
    return null;
  }

  private static Object call(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (Exception | LinkageError unreadable) {
      return null;
    }
  }

  private static Methods methods() {
    Methods found = methods;
    if (found == null) {
      try {
        found = new Methods();
      } catch (Exception | LinkageError absent) {
        return null;
      }
      methods = found;
    }
    return found;
  }

  /** The public interface methods, which the JDK's implementations answer whatever their own classes. */
  private static final class Methods {
    final Method responseHeaders;
    final Method request;
    final Method requestHeaders;
    final Method body;
    final Method firstValue;

    Methods() throws ClassNotFoundException, NoSuchMethodException {
      Class<?> response = Class.forName("java.net.http.HttpResponse");
      responseHeaders = response.getMethod("headers");
      request = response.getMethod("request");
      body = response.getMethod("body");
      requestHeaders = Class.forName("java.net.http.HttpRequest").getMethod("headers");
      firstValue = Class.forName("java.net.http.HttpHeaders").getMethod("firstValue", String.class);
    }
  }
}
