package io.credscope.recorder;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.lru.LruTable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** One (provider class, access key id) pair and how often it was resolved. */
public final class Resolution extends LruTable.Entry {

  private final Sdk sdk;
  private final CredentialSource source;
  private final String providerClass;
  private final AccessKeyId key;
  private final LongAdder count = new LongAdder();
  /** Epoch millis at which session credentials expire; 0 when they do not say, which skips every check. */
  final long expiresAtMillis;
  /** Set once the expired credentials have been reported, so that they are reported once. */
  final AtomicBoolean expiryReported = new AtomicBoolean();

  Resolution(Sdk sdk, CredentialSource source, String providerClass, AccessKeyId key, long expiresAtMillis) {
    this.sdk = sdk;
    this.source = source;
    this.providerClass = providerClass;
    this.key = key;
    this.expiresAtMillis = expiresAtMillis;
  }

  void increment() {
    count.increment();
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  public String provider() {
    return providerClass.substring(providerClass.lastIndexOf('.') + 1);
  }

  public AccessKeyId key() {
    return key;
  }

  /** Epoch millis at which these session credentials expire, or 0 when they do not say. */
  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  public long count() {
    return count.sum();
  }
}
