package io.credscope.recorder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the access key id from any SDK's credentials object through a method handle found once per
 * credentials class, so one agent serves every SDK version without linking against any of them.
 * On a first sighting it also reads what SDK v2 says of the credentials: their expiration and the
 * provider name. It never reads the secret key or the session token.
 */
final class CredentialsAccessor {

  private static final String[] KEY_ID_METHODS = {"accessKeyId", "getAWSAccessKeyId"};
  private static final MethodType KEY_ID_TYPE = MethodType.methodType(String.class, Object.class);
  private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);
  private static final MethodType OPTIONAL_TYPE = MethodType.methodType(Optional.class, Object.class);

  private final ClassValue<MethodHandle> keyIdHandles = new ClassValue<MethodHandle>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      return keyIdHandle(type);
    }
  };

  private final ClassValue<MethodHandle> providerHandles = new ClassValue<MethodHandle>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      Method method = publicMethod(type, "getCredentialsProvider");
      try {
        return method == null ? null : MethodHandles.publicLookup().unreflect(method).asType(GETTER_TYPE);
      } catch (IllegalAccessException e) {
        return null;
      }
    }
  };

  private final ClassValue<MethodHandle> expirationHandles = optionalReader("expirationTime");
  private final ClassValue<MethodHandle> providerNameHandles = optionalReader("providerName");

  /** The provider an SDK v1 execution context holds, or {@code null} when it cannot be read. */
  Object credentialsProvider(Object executionContext) {
    MethodHandle handle = providerHandles.get(executionContext.getClass());
    if (handle == null) {
      return null;
    }
    try {
      return handle.invokeExact(executionContext);
    } catch (Throwable unreadable) {
      return null;
    }
  }

  /** When SDK v2 session credentials expire, or {@code null} when they do not say. */
  Instant expiration(Object credentials) {
    Object value = readOptional(expirationHandles, credentials);
    return value instanceof Instant ? (Instant) value : null;
  }

  /** SDK v2's own {@code providerName()}, or {@code null} where the SDK has none. */
  String providerName(Object credentials) {
    Object value = readOptional(providerNameHandles, credentials);
    return value instanceof String ? (String) value : null;
  }

  private static Object readOptional(ClassValue<MethodHandle> handles, Object credentials) {
    MethodHandle handle = handles.get(credentials.getClass());
    if (handle == null) {
      return null;
    }
    try {
      Optional<?> value = (Optional<?>) handle.invokeExact(credentials);
      return value == null ? null : value.orElse(null);
    } catch (Throwable unreadable) {
      return null;
    }
  }

  private static ClassValue<MethodHandle> optionalReader(final String name) {
    return new ClassValue<MethodHandle>() {
      @Override
      protected MethodHandle computeValue(Class<?> type) {
        Method method = publicMethod(type, name);
        if (method == null || method.getReturnType() != Optional.class) {
          return null;
        }
        try {
          return MethodHandles.publicLookup().unreflect(method).asType(OPTIONAL_TYPE);
        } catch (IllegalAccessException e) {
          return null;
        }
      }
    };
  }

  /**
   * The profile name a profile provider was built with (both SDKs keep it in a field named
   * {@code profileName}), or {@code null} when it has none or the field cannot be read.
   */
  static String configuredProfile(Object provider) {
    try {
      java.lang.reflect.Field field = provider.getClass().getDeclaredField("profileName");
      field.setAccessible(true);
      Object value = field.get(provider);
      return value instanceof String ? (String) value : null;
    } catch (Exception | LinkageError unreadable) {
      return null;
    }
  }

  /**
   * The access key id; the empty string for anonymous credentials, whose key id is {@code null} in
   * both SDKs; {@code null} when the object is no credentials at all.
   */
  String accessKeyId(Object credentials) throws Throwable {
    MethodHandle handle = keyIdHandles.get(credentials.getClass());
    if (handle == null) {
      return null;
    }
    String keyId = (String) handle.invokeExact(credentials);
    return keyId == null ? "" : keyId;
  }

  private static MethodHandle keyIdHandle(Class<?> type) {
    for (String name : KEY_ID_METHODS) {
      Method method = publicMethod(type, name);
      if (method != null && method.getReturnType() == String.class) {
        try {
          return MethodHandles.publicLookup().unreflect(method).asType(KEY_ID_TYPE);
        } catch (IllegalAccessException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The method as declared by a public type, since a public method of a hidden class cannot be called. */
  private static Method publicMethod(Class<?> type, String name) {
    if (type == null) {
      return null;
    }
    if (Modifier.isPublic(type.getModifiers())) {
      try {
        return type.getMethod(name);
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
    for (Class<?> implemented : type.getInterfaces()) {
      Method method = publicMethod(implemented, name);
      if (method != null) {
        return method;
      }
    }
    return publicMethod(type.getSuperclass(), name);
  }
}
