package io.credscope.permissions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM actions an AWS API operation needs, from the table {@code agent/scripts/derive-iam-actions.py} derives
 * from the AWS Service Authorization Reference: the action of the operation's own name where the service has one
 * (most do), else the actions whose reference page documents that operation ({@code ListObjectsV2} needs
 * {@code s3:ListBucket}). Loaded on first use, on the reporter thread; each service's row is parsed when first asked.
 */
public final class IamActions {

  private static final String TABLE = "/io/credscope/permissions/iam-actions.txt";

  /**
   * The services whose SigV4 signing name is not their IAM prefix, among those the table holds. Most sign with
   * their prefix; CloudWatch signs as {@code monitoring} and SES as {@code email}.
   */
  private static final Map<String, String> PREFIX_OF_SIGNING_NAME;

  static {
    Map<String, String> prefixes = new HashMap<String, String>();
    prefixes.put("monitoring", "cloudwatch");
    prefixes.put("email", "ses");
    PREFIX_OF_SIGNING_NAME = Collections.unmodifiableMap(prefixes);
  }

  private final Map<String, String> rows;
  private final Map<String, Map<String, List<String>>> parsed = new HashMap<String, Map<String, List<String>>>();

  private IamActions(Map<String, String> rows) {
    this.rows = rows;
  }

  /** The table shipped in the agent jar. */
  public static IamActions load() {
    Map<String, String> rows = new HashMap<String, String>();
    InputStream in = IamActions.class.getResourceAsStream(TABLE);
    if (in == null) {
      throw new IllegalStateException("the IAM action table " + TABLE + " is missing from the agent jar");
    }
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("#") && tab > 0) {
          rows.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the IAM action table " + TABLE + ": " + e.getMessage(), e);
    }
    return new IamActions(rows);
  }

  /** The IAM prefix of a service known by its SigV4 signing name. */
  public static String prefixOf(String signingName) {
    String prefix = PREFIX_OF_SIGNING_NAME.get(signingName);
    return prefix == null ? signingName : prefix;
  }

  /**
   * The actions, as {@code prefix:Action}, that the operation needs; empty when the table does not know the
   * service or the operation. Not thread-safe: one thread asks.
   */
  public List<String> of(String signingName, String operation) {
    String prefix = prefixOf(signingName);
    Map<String, List<String>> service = parsed.get(prefix);
    if (service == null) {
      String row = rows.get(prefix);
      if (row == null) {
        return Collections.emptyList();
      }
      service = parse(prefix, row);
      parsed.put(prefix, service);
    }
    List<String> actions = service.get(operation);
    return actions == null ? Collections.<String>emptyList() : actions;
  }

  private static Map<String, List<String>> parse(String prefix, String row) {
    Map<String, List<String>> service = new HashMap<String, List<String>>();
    for (String entry : row.split(" ")) {
      int equals = entry.indexOf('=');
      if (equals < 0) {
        service.put(entry, Collections.singletonList(prefix + ':' + entry));
        continue;
      }
      String[] names = entry.substring(equals + 1).split("\\+");
      String[] actions = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        actions[i] = prefix + ':' + names[i];
      }
      service.put(entry.substring(0, equals), Collections.unmodifiableList(Arrays.asList(actions)));
    }
    return service;
  }
}
