package io.credscope.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The operation of the SDK call running on each thread, as the SDK itself names it: SDK v2's
 * {@code ClientExecutionParams.getOperationName()}, SDK v1's {@code HandlerContextKey.OPERATION_NAME}. The wire shows
 * the operation of a JSON call ({@code X-Amz-Target}) and of a Query call whose {@code Action} is in its URL, but
 * not of a Query call that sends it in a form body, as both SDKs do, nor of any REST call: for the requests an SDK
 * call makes on its own thread, which are all of a synchronous client's, the SDK's name fills that gap.
 */
final class SdkOperations {

  private static final Object[] NO_ARGUMENTS = new Object[0];

  private final ThreadLocal<String> current = new ThreadLocal<String>();
  private final ClassValue<Reader> readers = new ClassValue<Reader>() {
    @Override
    protected Reader computeValue(Class<?> type) {
      return Reader.of(type);
    }
  };

  /**
   * An SDK call starts on this thread.
   *
   * @param request SDK v2's {@code ClientExecutionParams} or SDK v1's {@code Request}
   * @return the operation of the call it runs inside, to hand back to {@link #ended}
   */
  String started(Object request) {
    String outer = current.get();
    current.set(request == null ? null : readers.get(request.getClass()).operation(request));
    return outer;
  }

  /** The call {@link #started} began returned or threw: the thread is back in the call it ran inside, if any. */
  void ended(String outer) {
    current.set(outer);
  }

  /** The operation of the SDK call running on this thread, or {@code null}. */
  String current() {
    return current.get();
  }

  /** How one request type names its operation; the reflection is looked up once per type. */
  private static final class Reader {

    private static final Reader NONE = new Reader(null, null);

    private final Method method;
    /** No arguments for SDK v2's getter; SDK v1's context key for {@code getHandlerContext}. */
    private final Object[] arguments;

    private Reader(Method method, Object[] arguments) {
      this.method = method;
      this.arguments = arguments;
    }

    static Reader of(Class<?> type) {
      try {
        return new Reader(type.getMethod("getOperationName"), NO_ARGUMENTS);
      } catch (NoSuchMethodException notV2) {
        try {
          Class<?> keyType = Class.forName("com.amazonaws.handlers.HandlerContextKey", false, type.getClassLoader());
          Field operationName = keyType.getField("OPERATION_NAME");
          return new Reader(type.getMethod("getHandlerContext", keyType), new Object[] {operationName.get(null)});
        } catch (Exception | LinkageError notV1) {
          return NONE;
        }
      } catch (RuntimeException | LinkageError unreadable) {
        return NONE;
      }
    }

    String operation(Object request) {
      if (method == null) {
        return null;
      }
      try {
        Object name = method.invoke(request, arguments);
        return name instanceof String ? (String) name : null;
      } catch (Exception | LinkageError e) {
        return null;
      }
    }
  }
}
