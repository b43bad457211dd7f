package io.credscope.demo.app;

import java.util.Locale;

/** How the application gives its clients credentials: {@code --credentials}. */
enum CredentialsMode {
  /** No credentials given: each SDK's default chain. */
  DEFAULT,
  /** Keys the application reads at run time, from a properties file or its environment, in a static provider. */
  STATIC,
  /** The same keys through the application's own provider class. */
  CUSTOM,
  /** Keys written into the code: {@link HardcodedCredentials}. */
  LITERAL,
  /** The profile provider, asked by the application itself rather than through the default chain. */
  PROFILE,
  /** The S3 client with static keys read at run time, the other clients with the default chain. */
  MIXED;

  static CredentialsMode of(String name) {
    for (CredentialsMode mode : values()) {
      if (mode.name().toLowerCase(Locale.ROOT).equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown --credentials '" + name + "'; use default, static, custom, literal, "
        + "profile or mixed");
  }

  /** Whether the application reads keys of its own, from {@link StaticKeys}. */
  boolean readsKeys() {
    return this == STATIC || this == CUSTOM || this == MIXED;
  }
}
