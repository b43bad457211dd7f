package io.credscope.http;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The public {@code java.net.http} methods credscope calls, which this Java 8 code cannot name: looked up once, on
 * first use, through the public interfaces, which the JDK's implementations answer whatever their own classes.
 */
final class JavaHttpApi {

  private static volatile JavaHttpApi found;

  final Method statusCode;
  final Method responseHeaders;
  final Method request;
  final Method body;
  final Method requestHeaders;
  final Method bodyPublisher;
  final Method timeout;
  final Method firstValue;
  final Method sendAsync;

  private JavaHttpApi() throws ClassNotFoundException, NoSuchMethodException {
    Class<?> response = Class.forName("java.net.http.HttpResponse");
    Class<?> request = Class.forName("java.net.http.HttpRequest");
    statusCode = response.getMethod("statusCode");
    responseHeaders = response.getMethod("headers");
    this.request = response.getMethod("request");
    body = response.getMethod("body");
    requestHeaders = request.getMethod("headers");
    bodyPublisher = request.getMethod("bodyPublisher");
    timeout = request.getMethod("timeout");
    firstValue = Class.forName("java.net.http.HttpHeaders").getMethod("firstValue", String.class);
    sendAsync = Class.forName("java.net.http.HttpClient").getMethod("sendAsync", request,
        Class.forName("java.net.http.HttpResponse$BodyHandler"),
        Class.forName("java.net.http.HttpResponse$PushPromiseHandler"));
  }

  /** The methods, or {@code null} in a JDK without {@code java.net.http}. */
  static JavaHttpApi get() {
    JavaHttpApi api = found;
    if (api == null) {
      try {
        api = new JavaHttpApi();
      } catch (Exception | LinkageError absent) {
        return null;
      }
      found = api;
    }
    return api;
  }

  /** The method's answer, or {@code null} when it cannot be had. */
  static Object call(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (Exception | LinkageError unreadable) {
      return null;
    }
  }

  /** The first value of a header in an {@code HttpHeaders}, or {@code null}. */
  String firstValue(Object headers, String name) {
    Object value = headers == null ? null : call(firstValue, headers, name);
    Object present = value instanceof Optional ? ((Optional<?>) value).orElse(null) : null;
    return present instanceof String ? (String) present : null;
  }
}
