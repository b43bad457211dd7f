package io.credscope.events;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.time.Instant;

/**
 * The first error response of one kind, per (service, operation, error code), to an AWS call seen on the wire:
 * the code as the SDKs compare it, and whether it means throttling. Later ones are only counted.
 */
public final class AwsError implements Event {

  private final Instant time;
  private final AccessKeyId key;
  private final String service;
  private final String region;
  private final String operation;
  private final String code;
  private final int status;
  private final boolean throttling;
  private final Sdk sdk;
  private final CredentialSource source;
  private final String provider;
  private final String host;
  private final String library;
  private final String caller;

  /**
   * @param key {@code null} when the call was counted among the overflow of distinct call sites
   * @param code {@code null} when the response named none in the part that was read
   * @param sdk, source and provider are {@code null} when credscope never saw the key resolved
   */
  public AwsError(Instant time, AccessKeyId key, String service, String region, String operation, String code,
      int status, boolean throttling, Sdk sdk, CredentialSource source, String provider, String host,
      String library, String caller) {
    this.time = time;
    this.key = key;
    this.service = service;
    this.region = region;
    this.operation = operation;
    this.code = code;
    this.status = status;
    this.throttling = throttling;
    this.sdk = sdk;
    this.source = source;
    this.provider = provider;
    this.host = host;
    this.library = library;
    this.caller = caller;
  }

  @Override
  public String type() {
    return "aws.error";
  }

  @Override
  public Instant time() {
    return time;
  }

  public AccessKeyId key() {
    return key;
  }

  public String service() {
    return service;
  }

  public String region() {
    return region;
  }

  /** The operation, or {@code unknown}. */
  public String operation() {
    return operation;
  }

  /** The error code, or {@code null} when the response named none. */
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public boolean throttling() {
    return throttling;
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  /** The source's id, or {@code unknown} when credscope never saw the key resolved. */
  public String sourceId() {
    return source == null ? "unknown" : source.id();
  }

  public String provider() {
    return provider;
  }

  public String host() {
    return host;
  }

  public String library() {
    return library;
  }

  /** The application frame that made the call, or {@code null}. */
  public String caller() {
    return caller;
  }

  @Override
  public String toString() {
    return "AwsError(" + service + " " + operation + ": " + status + " " + code + (throttling ? ", throttling" : "")
        + ", " + library + ")";
  }
}
