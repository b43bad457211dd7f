package io.credscope.findings;

import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.KeyType;
import io.credscope.events.BuildSite;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.events.Finding.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HARDCODED_KEY: static credentials built in application code. Critical when the key id is proven
 * a literal of the class that built them, by its constant pool; high when the keys came from
 * somewhere at run time (configuration, a secret store), which is still keys in code's hands
 * rather than a role's.
 */
final class HardcodedKeyRule {

  /** Larger class files are not read: no hand-written class with a key in it comes near this. */
  private static final int MAX_CLASS_BYTES = 8 << 20;

  private final boolean maskKeys;

  HardcodedKeyRule(boolean maskKeys) {
    this.maskKeys = maskKeys;
  }

  /** @return the finding, or {@code null} when the resolution is not static keys from code */
  Finding evaluate(CredentialsResolved resolved) {
    if (resolved.source() != CredentialSource.STATIC || resolved.key().type() == KeyType.NONE) {
      return null;
    }
    BuildSite site = resolved.buildSite();
    String location = site != null ? site.location() : resolved.caller();
    boolean proven = site != null && isLiteral(site, resolved.key().value());
    String key = resolved.key().display(maskKeys);
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("location", location == null ? "unknown" : location);
    evidence.put("literal", proven ? "proven" : "not proven");
    if (site != null) {
      evidence.put("class", site.className());
    }
    String summary;
    String remedy;
    if (proven) {
      summary = "access key " + key + " is a string literal in " + site.className() + ", built into "
          + resolved.provider() + " at " + location;
      remedy = "deactivate " + key + " in IAM (it is in every build of this code) and let the default credentials "
          + "chain find a role or profile instead of static credentials";
    } else {
      summary = "static credentials built in code" + (location == null ? "" : " at " + location) + " supply key " + key
          + "; its id is not a literal there, so it is read at run time";
      remedy = "let the default credentials chain find a role or profile instead of building static credentials "
          + "in code";
    }
    FindingType type = FindingType.HARDCODED_KEY;
    return new Finding(resolved.time(), type.id(), proven ? type.severity() : Severity.HIGH, resolved.sdk(),
        resolved.source(), resolved.provider(), resolved.key(), summary, remedy, evidence);
  }

  private static boolean isLiteral(BuildSite site, String keyId) {
    ClassLoader loader = site.loader();
    if (loader == null) {
      return false;
    }
    try (InputStream in = loader.getResourceAsStream(site.className().replace('.', '/') + ".class")) {
      return in != null && ConstantPoolStrings.contains(readBounded(in), keyId);
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    for (int read; (read = in.read(buffer)) != -1; ) {
      if (bytes.size() + read > MAX_CLASS_BYTES) {
        throw new IOException("class file larger than " + MAX_CLASS_BYTES + " bytes");
      }
      bytes.write(buffer, 0, read);
    }
    return bytes.toByteArray();
  }
}
