package io.credscope.demo.app;

/**
 * Keys an application reads from its own configuration at run time and hands to the SDK in code:
 * here from {@code DEMO_ACCESS_KEY_ID} and {@code DEMO_SECRET_ACCESS_KEY}, which no SDK reads itself.
 */
record StaticKeys(String accessKeyId, String secretAccessKey) {

  static StaticKeys fromEnvironment() {
    String keyId = System.getenv("DEMO_ACCESS_KEY_ID");
    String secret = System.getenv("DEMO_SECRET_ACCESS_KEY");
    if (keyId == null || secret == null) {
      throw new IllegalStateException("--credentials static or custom needs DEMO_ACCESS_KEY_ID and "
          + "DEMO_SECRET_ACCESS_KEY");
    }
    return new StaticKeys(keyId, secret);
  }

  @Override
  public String toString() {
    return "StaticKeys(" + accessKeyId.substring(0, 4) + "\u2026)";
  }
}
