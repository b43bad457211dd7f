package io.credscope.probe;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whether one source of one SDK's default chain has credentials to give on this host, as far as can be told without
 * fetching any: where they would come from, or why not. It holds no secret: keys are known by their access key id
 * only, and roles by name, ARN or endpoint.
 */
public final class SourceAvailability {

  private final Sdk sdk;
  private final CredentialSource source;
  private final String provider;
  private final boolean available;
  private final String detail;
  private final AccessKeyId key;
  private final List<String> settingNames;
  private final String role;
  private final String profile;
  private final List<String> keyFiles;
  private final String instanceProfileArn;

  private SourceAvailability(Sdk sdk, CredentialSource source, String provider, boolean available, String detail,
      AccessKeyId key, List<String> settingNames, String role, String profile, List<String> keyFiles) {
    this(sdk, source, provider, available, detail, key, settingNames, role, profile, keyFiles, null);
  }

  private SourceAvailability(Sdk sdk, CredentialSource source, String provider, boolean available, String detail,
      AccessKeyId key, List<String> settingNames, String role, String profile, List<String> keyFiles,
      String instanceProfileArn) {
    this.sdk = sdk;
    this.source = source;
    this.provider = provider;
    this.available = available;
    this.detail = detail;
    this.key = key;
    this.settingNames = Collections.unmodifiableList(new ArrayList<String>(settingNames));
    this.role = role;
    this.profile = profile;
    this.keyFiles = Collections.unmodifiableList(new ArrayList<String>(keyFiles));
    this.instanceProfileArn = instanceProfileArn;
  }

  /** @param origin where the credentials would come from, for people */
  public static SourceAvailability available(Sdk sdk, CredentialSource source, String provider, String origin) {
    return new SourceAvailability(sdk, source, provider, true, origin, null, Collections.<String>emptyList(), null,
        null, Collections.<String>emptyList());
  }

  /** @param reason why not, short: "AWS_ACCESS_KEY_ID not set" */
  public static SourceAvailability unavailable(Sdk sdk, CredentialSource source, String provider, String reason) {
    return new SourceAvailability(sdk, source, provider, false, reason, null, Collections.<String>emptyList(), null,
        null, Collections.<String>emptyList());
  }

  /** The same, with the access key id the source would give. */
  public SourceAvailability withKey(AccessKeyId key) {
    return new SourceAvailability(sdk, source, provider, available, detail, key, settingNames, role, profile,
        keyFiles);
  }

  /** The same, with the names of the system properties or environment variables that supplied it. */
  public SourceAvailability withSettings(List<String> names) {
    return new SourceAvailability(sdk, source, provider, available, detail, key, names, role, profile, keyFiles);
  }

  /** The same, with the role it offers; see {@link #role()}. */
  public SourceAvailability withRole(String role) {
    return new SourceAvailability(sdk, source, provider, available, detail, key, settingNames, role, profile,
        keyFiles);
  }

  /** The same, with the instance profile's ARN, as IMDS's {@code iam/info} gives it. */
  public SourceAvailability withInstanceProfileArn(String arn) {
    return new SourceAvailability(sdk, source, provider, available, detail, key, settingNames, role, profile,
        keyFiles, arn);
  }

  /** The instance profile's ARN, for the instance role; {@code null} elsewhere or when IMDS did not say. */
  public String instanceProfileArn() {
    return instanceProfileArn;
  }

  /** The same, for static keys written in a profile: the profile's name and the files that hold its keys. */
  public SourceAvailability withProfileKeys(String profile, List<String> keyFiles) {
    return new SourceAvailability(sdk, source, provider, available, detail, key, settingNames, role, profile,
        keyFiles);
  }

  public Sdk sdk() {
    return sdk;
  }

  public CredentialSource source() {
    return source;
  }

  /** The simple name of the SDK's provider class for this source: {@code EnvironmentVariableCredentialsProvider}. */
  public String provider() {
    return provider;
  }

  public boolean available() {
    return available;
  }

  /** Where the credentials would come from, or {@code null} when the source is not available. */
  public String origin() {
    return available ? detail : null;
  }

  /** Why the source is not available, or {@code null} when it is. */
  public String reason() {
    return available ? null : detail;
  }

  /** The access key id the source would give: for system properties, environment and profile static keys. */
  public AccessKeyId key() {
    return key;
  }

  /**
   * The system properties or environment variables that supplied the source, by name, in the order the SDK reads
   * them: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}. Empty for sources not read from settings.
   */
  public List<String> settingNames() {
    return settingNames;
  }

  /**
   * The role a role source offers: the role ARN for web identity, the instance role's name for the instance
   * profile, and for a container the credentials endpoint, since only the endpoint knows its role and the probe
   * never asks it. {@code null} for other sources.
   */
  public String role() {
    return role;
  }

  /** The profile whose static keys the source would give, or {@code null}. */
  public String profile() {
    return profile;
  }

  /** The config or credentials files that hold a profile's static keys; empty for every other source. */
  public List<String> keyFiles() {
    return keyFiles;
  }

  /** Shows the key masked, and nothing secret, because there is nothing secret in here. */
  @Override
  public String toString() {
    return "SourceAvailability(" + sdk + " " + source + ": " + (available ? "available, " : "not available, ") + detail
        + (key == null ? "" : ", key " + key.masked()) + (role == null ? "" : ", role " + role) + ")";
  }
}
