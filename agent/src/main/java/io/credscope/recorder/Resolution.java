package io.credscope.recorder;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.util.concurrent.atomic.LongAdder;

/** One (provider class, access key id) pair and how often it was resolved. */
public final class Resolution {

  private final Sdk sdk;
  private final CredentialSource source;
  private final String providerClass;
  private final AccessKeyId key;
  private final LongAdder count = new LongAdder();

  Resolution(Sdk sdk, CredentialSource source, String providerClass, AccessKeyId key) {
    this.sdk = sdk;
    this.source = source;
    this.providerClass = providerClass;
    this.key = key;
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

  public long count() {
    return count.sum();
  }
}
