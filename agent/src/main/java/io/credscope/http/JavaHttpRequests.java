package io.credscope.http;

import io.credscope.retry.SdkAttempt;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Reads a {@code java.net.http.HttpRequest}, and sends one again, through {@link JavaHttpApi}: for AWS calls only. */
final class JavaHttpRequests {

  /**
   * The JDK's body publishers that give the same bytes to every subscriber. A request with any other body, a
   * stream's, an adapted publisher's or the application's own, is never sent twice.
   */
  private static final Set<String> REPLAYABLE_PUBLISHERS = new HashSet<String>(Arrays.asList(
      "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher",
      "jdk.internal.net.http.RequestPublishers$StringPublisher",
      "jdk.internal.net.http.RequestPublishers$EmptyPublisher",
      "jdk.internal.net.http.RequestPublishers$FilePublisher"));

  private JavaHttpRequests() {
  }

  /** The SDK attempt the request's invocation headers say it is, or {@code null} when it is no SDK's. */
  static SdkAttempt sdkAttempt(Object request) {
    String sdkRequest = header(request, SdkAttempt.REQUEST_HEADER);
    return SdkAttempt.of(header(request, SdkAttempt.INVOCATION_ID_HEADER),
        sdkRequest != null ? sdkRequest : header(request, SdkAttempt.V1_RETRY_HEADER));
  }

  /** A request header's first value, or {@code null}. */
  static String header(Object request, String name) {
    JavaHttpApi api = JavaHttpApi.get();
    return api == null ? null : api.firstValue(JavaHttpApi.call(api.requestHeaders, request), name);
  }

  /** The request's own timeout ({@code HttpRequest.timeout()}) in milliseconds, or -1 when it has none. */
  static long timeoutMillis(Object request) {
    JavaHttpApi api = JavaHttpApi.get();
    Object timeout = api == null ? null : JavaHttpApi.call(api.timeout, request);
    Object duration = timeout instanceof Optional ? ((Optional<?>) timeout).orElse(null) : null;
    return duration instanceof Duration ? ((Duration) duration).toMillis() : -1;
  }

  /** Whether the request has no body, or one of the JDK's publishers that replay theirs. */
  static boolean replayable(Object request) {
    JavaHttpApi api = JavaHttpApi.get();
    Object publisher = api == null ? null : JavaHttpApi.call(api.bodyPublisher, request);
    if (!(publisher instanceof Optional)) {
      return false;
    }
    Object body = ((Optional<?>) publisher).orElse(null);
    return body == null || REPLAYABLE_PUBLISHERS.contains(body.getClass().getName());
  }

  /**
   * Sends the request again through the client's public {@code sendAsync}: the same request, handlers and
   * executor, and the same hooks on the way.
   */
  @SuppressWarnings("unchecked")
  static CompletableFuture<Object> sendAgain(Object client, Object request, Object bodyHandler,
      Object pushPromiseHandler) {
    CompletableFuture<Object> failed = new CompletableFuture<Object>();
    JavaHttpApi api = JavaHttpApi.get();
    if (api == null) {
      failed.completeExceptionally(new IllegalStateException("java.net.http is not readable"));
      return failed;
    }
    try {
      return (CompletableFuture<Object>) api.sendAsync.invoke(client, request, bodyHandler, pushPromiseHandler);
    } catch (InvocationTargetException e) {
      failed.completeExceptionally(e.getCause());
    } catch (Exception | LinkageError e) {
      failed.completeExceptionally(e);
    }
    return failed;
  }
}
