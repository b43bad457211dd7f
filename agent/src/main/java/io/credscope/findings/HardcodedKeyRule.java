package io.credscope.findings;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.KeyType;
import io.credscope.events.BuildSite;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.events.Finding.Severity;
import io.credscope.events.KeyAccepted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HARDCODED_KEY: static credentials built in application code. Critical when the key id is proven
 * a literal of the class that built them, by its constant pool; high when the keys came from
 * somewhere at run time (configuration, a secret store), which is still keys in code's hands
 * rather than a role's.
 *
 * <p>When AWS then accepts a call signed with that key (a 2xx answer, seen on the wire), the finding is raised once
 * more, with {@code verified: true} and the call that proved it: the leaked key is live, learned without a request of
 * credscope's own.
 */
final class HardcodedKeyRule {

  /** Larger class files are not read: no hand-written class with a key in it comes near this. */
  private static final int MAX_CLASS_BYTES = 8 << 20;

  /** Keys remembered, raised or accepted; beyond this, the oldest is forgotten. */
  static final int MAX_KEYS = 256;

  private final boolean maskKeys;
  /** The unverified findings raised for each key (one per SDK that resolved it), waiting for an accepted call. */
  private final Map<String, List<Finding>> unverified = bounded();
  /** The keys AWS accepted a call of: their later findings are verified from the start. */
  private final Map<String, KeyAccepted> accepted = bounded();

  HardcodedKeyRule(boolean maskKeys) {
    this.maskKeys = maskKeys;
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<String, V>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_KEYS;
      }
    };
  }

  /** @return the findings raised for this key, now verified; empty when there was none, or they were already */
  List<Finding> accepted(KeyAccepted call) {
    AccessKeyId key = call.identity().key();
    if (key == null || accepted.containsKey(key.value())) {
      return Collections.emptyList();
    }
    accepted.put(key.value(), call);
    List<Finding> raised = unverified.remove(key.value());
    if (raised == null) {
      return Collections.emptyList();
    }
    List<Finding> verified = new ArrayList<Finding>(raised.size());
    for (Finding finding : raised) {
      verified.add(verified(finding, call));
    }
    return verified;
  }

  private Finding verified(Finding finding, KeyAccepted accepted) {
    Map<String, String> evidence = new LinkedHashMap<String, String>(finding.evidence());
    String call = accepted.identity().service() + (accepted.identity().region() == null ? ""
        : " in " + accepted.identity().region()) + " answered " + accepted.status();
    evidence.put("verified", "true");
    evidence.put("verifiedBy", call);
    return new Finding(accepted.time(), finding.id(), finding.severity(), finding.sdk(), finding.source(),
        finding.provider(), finding.key(), finding.summary() + "; AWS accepted a call signed with it (" + call
            + "), so the key is live", finding.remedy(), evidence);
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
    Finding finding = new Finding(resolved.time(), type.id(), proven ? type.severity() : Severity.HIGH,
        resolved.sdk(), resolved.source(), resolved.provider(), resolved.key(), summary, remedy, evidence);
    KeyAccepted call = accepted.get(resolved.key().value());
    if (call != null) {
      return verified(finding, call);
    }
    List<Finding> raised = unverified.get(resolved.key().value());
    if (raised == null) {
      raised = new ArrayList<Finding>(2);
      unverified.put(resolved.key().value(), raised);
    }
    raised.add(finding);
    return finding;
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
