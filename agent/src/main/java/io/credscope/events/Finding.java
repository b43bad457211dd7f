package io.credscope.events;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something wrong with the credentials in use, worth acting on: a stable id, a severity, the
 * evidence (never a secret), and a one-line remedy.
 */
public final class Finding implements Event {

  /** How much a finding matters, from the audit log's point of view. */
  public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Instant time;
  private final String id;
  private final Severity severity;
  private final Sdk sdk;
  private final CredentialSource source;
  private final String provider;
  private final AccessKeyId key;
  private final String summary;
  private final String remedy;
  private final Map<String, String> evidence;

  /** A finding about a call on the wire: its key, and where credscope saw that key come from. */
  public Finding(Instant time, String id, Severity severity, CallIdentity call, String summary, String remedy,
      Map<String, String> evidence) {
    this(time, id, severity, call.sdk(), call.source(), call.provider(), call.key(), summary, remedy, evidence);
  }

  public Finding(Instant time, String id, Severity severity, Sdk sdk, CredentialSource source, String provider,
      AccessKeyId key, String summary, String remedy, Map<String, String> evidence) {
    this.time = time;
    this.id = id;
    this.severity = severity;
    this.sdk = sdk;
    this.source = source;
    this.provider = provider;
    this.key = key;
    this.summary = summary;
    this.remedy = remedy;
    this.evidence = Collections.unmodifiableMap(new LinkedHashMap<String, String>(evidence));
  }

  @Override
  public String type() {
    return "finding";
  }

  @Override
  public Instant time() {
    return time;
  }

  /** Stable, as in the README's catalogue: {@code SESSION_EXPIRED}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  public String provider() {
    return provider;
  }

  public AccessKeyId key() {
    return key;
  }

  /** What is wrong, in one sentence, with the key masked. */
  public String summary() {
    return summary;
  }

  public String remedy() {
    return remedy;
  }

  /** More facts, by name; values are never secrets. */
  public Map<String, String> evidence() {
    return evidence;
  }

  @Override
  public String toString() {
    return "Finding(" + id + ", " + severity.id() + ", " + summary + ")";
  }
}
