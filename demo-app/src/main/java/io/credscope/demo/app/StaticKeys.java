package io.credscope.demo.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Keys an application reads from its own configuration at run time and hands to the SDK in code:
 * from the properties file {@code DEMO_CREDENTIALS_FILE} names ({@code access.key.id},
 * {@code secret.access.key}), else from {@code DEMO_ACCESS_KEY_ID} and {@code DEMO_SECRET_ACCESS_KEY}.
 * No SDK reads any of these itself.
 */
record StaticKeys(String accessKeyId, String secretAccessKey) {

  static StaticKeys fromConfiguration() {
    String file = System.getenv("DEMO_CREDENTIALS_FILE");
    if (file != null) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read DEMO_CREDENTIALS_FILE " + file, e);
      }
      return of(properties.getProperty("access.key.id"), properties.getProperty("secret.access.key"));
    }
    return of(System.getenv("DEMO_ACCESS_KEY_ID"), System.getenv("DEMO_SECRET_ACCESS_KEY"));
  }

  private static StaticKeys of(String keyId, String secret) {
    if (keyId == null || secret == null) {
      throw new IllegalStateException("--credentials static, custom or mixed needs DEMO_CREDENTIALS_FILE, or "
          + "DEMO_ACCESS_KEY_ID and DEMO_SECRET_ACCESS_KEY");
    }
    return new StaticKeys(keyId, secret);
  }

  @Override
  public String toString() {
    return "StaticKeys(" + accessKeyId.substring(0, 4) + "\u2026)";
  }
}
