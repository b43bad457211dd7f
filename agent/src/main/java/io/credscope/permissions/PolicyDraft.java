package io.credscope.permissions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A least-privilege starting point per identity, from the operations it was seen calling: each operation becomes
 * the IAM actions it needs, and the actions one {@code Allow} statement on every resource, for a person to narrow.
 * Operations that need no permission are listed apart ({@code permissionless}), and so are those the action table
 * does not know ({@code unmapped}, as {@code prefix:Operation}), which a person must look up. Not thread-safe.
 */
public final class PolicyDraft {

  /**
   * Operations every identity may call, whatever its policies say: STS answers {@code GetCallerIdentity} even when
   * an explicit deny names it (the STS API reference: "No permissions are required to perform this operation").
   */
  private static final Set<String> PERMISSIONLESS =
      Collections.unmodifiableSet(new HashSet<String>(Arrays.asList("sts:GetCallerIdentity")));

  private final IamActions actions;
  private final Map<String, Needs> byIdentity = new TreeMap<String, Needs>();

  public PolicyDraft(IamActions actions) {
    this.actions = actions;
  }

  /** Notes that the identity called the operation of the service known by this SigV4 signing name. */
  public PolicyDraft called(String identity, String signingName, String operation) {
    Needs needs = byIdentity.get(identity);
    if (needs == null) {
      needs = new Needs();
      byIdentity.put(identity, needs);
    }
    String named = IamActions.prefixOf(signingName) + ':' + operation;
    if (PERMISSIONLESS.contains(named)) {
      needs.permissionless.add(named);
      return this;
    }
    List<String> needed = actions.of(signingName, operation);
    if (needed.isEmpty()) {
      needs.unmapped.add(named);
    } else {
      needs.actions.addAll(needed);
    }
    return this;
  }

  /** The identities seen, sorted. */
  public Set<String> identities() {
    return Collections.unmodifiableSet(byIdentity.keySet());
  }

  /**
   * The draft for one identity, as one JSON document: {@code identity}, {@code policy} (an IAM policy document,
   * without a statement when no action is known), {@code permissionless} and {@code unmapped}.
   */
  public String json(String identity) {
    Needs needs = byIdentity.get(identity);
    if (needs == null) {
      throw new IllegalArgumentException("no call was seen for identity " + identity);
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("identity", identity);
      json.writeObjectFieldStart("policy");
      json.writeStringField("Version", "2012-10-17");
      json.writeArrayFieldStart("Statement");
      if (!needs.actions.isEmpty()) {
        json.writeStartObject();
        json.writeStringField("Effect", "Allow");
        writeArray(json, "Action", needs.actions);
        json.writeStringField("Resource", "*");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      writeArray(json, "permissionless", needs.permissionless);
      writeArray(json, "unmapped", needs.unmapped);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeArray(JsonGenerator json, String name, Set<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** What one identity's calls need, each set sorted. */
  private static final class Needs {
    final Set<String> actions = new TreeSet<String>();
    final Set<String> permissionless = new TreeSet<String>();
    final Set<String> unmapped = new TreeSet<String>();
  }
}
