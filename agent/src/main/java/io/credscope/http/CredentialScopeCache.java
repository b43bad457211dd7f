package io.credscope.http;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The call site of a SigV4 {@code Authorization} header's credential scope
 * ({@code AKID/date/region/service}), looked up without parsing the header or allocating: every
 * request carries a new signature, but its scope repeats. A fixed table where a colliding scope
 * replaces the older one, so memory stays bounded; a miss costs only the full parse it saves.
 */
final class CredentialScopeCache {

  private static final String CREDENTIAL = "Credential=";
  private static final String TERMINATOR = "/aws4_request";
  private static final int SLOTS = 256;

  private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<Entry>(SLOTS);

  private static final class Entry {
    final String scope;
    final AwsCallSite site;

    Entry(String scope, AwsCallSite site) {
      this.scope = scope;
      this.site = site;
    }
  }

  /** The site cached for this header's scope, or {@code null}. */
  AwsCallSite get(String authorization) {
    int start = scopeStart(authorization);
    if (start < 0) {
      return null;
    }
    int end = authorization.indexOf(TERMINATOR, start);
    if (end < 0) {
      return null;
    }
    Entry entry = table.get(slot(authorization, start, end));
    return entry != null && entry.scope.length() == end - start
        && authorization.regionMatches(start, entry.scope, 0, end - start) ? entry.site : null;
  }

  void put(String authorization, AwsCallSite site) {
    int start = scopeStart(authorization);
    int end = start < 0 ? -1 : authorization.indexOf(TERMINATOR, start);
    if (end >= 0) {
      table.set(slot(authorization, start, end), new Entry(authorization.substring(start, end), site));
    }
  }

  private static int scopeStart(String authorization) {
    int credential = authorization.indexOf(CREDENTIAL);
    return credential < 0 ? -1 : credential + CREDENTIAL.length();
  }

  private static int slot(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
