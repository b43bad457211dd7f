package io.credscope.probe;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.profiles.ProfileKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How one SDK spells what its default chain reads, as data: the names of its settings and the order it reads them
 * in, its provider classes, and the few places where its chain behaves differently. The names were checked against
 * the SDKs' own sources: v2's {@code SdkSystemSetting}, {@code ProfileFileSystemSetting} and
 * {@code Ec2MetadataConfigProvider}; v1's {@code SDKGlobalConfiguration}, its providers, {@code AwsProfileNameLoader}
 * and {@code AwsProfileFileLocationProvider}.
 */
public final class SdkDialect {

  static final String IMDS_IPV4 = "http://169.254.169.254";
  static final String IMDS_IPV6 = "http://[fd00:ec2::254]";
  static final String CONTAINER_ENDPOINT = "http://169.254.170.2";

  public static final SdkDialect V2 = v2();
  public static final SdkDialect V1 = v1();

  final Sdk sdk;
  final String chainClass;
  final KeySettings propertyKeys;
  final KeySettings environmentKeys;
  final Setting webIdentityTokenFile;
  final Setting roleArn;
  final Setting containerRelativeUri;
  final Setting containerFullUri;
  /** Where the relative URI points; {@code null} when the SDK has it fixed. */
  final Setting containerServiceEndpoint;
  /** SDK v1's wrapper asks the container endpoint when one is set, and IMDS only otherwise. */
  final boolean containerReplacesInstanceProfile;
  final Setting imdsDisabled;
  /** SDK v1 switches IMDS off if either place says {@code true}; v2 takes the first place set, and must parse it. */
  final boolean imdsDisabledIfAnyTrue;
  final Setting imdsEndpoint;
  /** {@code IPv4} or {@code IPv6}; {@code null} where the SDK knows only the IPv4 address. */
  final Setting imdsEndpointMode;
  /** SDK v2 also reads the endpoint and its mode from the active profile. */
  final boolean imdsSettingsInProfile;
  final Setting profileName;
  /** {@code null} where the profile provider reads the credentials file only (SDK v1). */
  final Setting configFile;
  final Setting credentialsFile;
  final Set<ProfileKind> profileKinds;
  /** SDK v1 assumes a profile's role with the keys of its {@code source_profile} only, never a credential_source. */
  final boolean assumeRoleNeedsSourceProfile;

  private SdkDialect(Spec spec) {
    this.sdk = spec.sdk;
    this.chainClass = spec.chainClass;
    this.propertyKeys = spec.propertyKeys;
    this.environmentKeys = spec.environmentKeys;
    this.webIdentityTokenFile = spec.webIdentityTokenFile;
    this.roleArn = spec.roleArn;
    this.containerRelativeUri = spec.containerRelativeUri;
    this.containerFullUri = spec.containerFullUri;
    this.containerServiceEndpoint = spec.containerServiceEndpoint;
    this.containerReplacesInstanceProfile = spec.containerReplacesInstanceProfile;
    this.imdsDisabled = spec.imdsDisabled;
    this.imdsDisabledIfAnyTrue = spec.imdsDisabledIfAnyTrue;
    this.imdsEndpoint = spec.imdsEndpoint;
    this.imdsEndpointMode = spec.imdsEndpointMode;
    this.imdsSettingsInProfile = spec.imdsSettingsInProfile;
    this.profileName = spec.profileName;
    this.configFile = spec.configFile;
    this.credentialsFile = spec.credentialsFile;
    this.profileKinds = Collections.unmodifiableSet(spec.profileKinds);
    this.assumeRoleNeedsSourceProfile = spec.assumeRoleNeedsSourceProfile;
  }

  private static SdkDialect v2() {
    Spec spec = new Spec(Sdk.V2, "DefaultCredentialsProvider");
    // Each of the two key providers reads only its own kind of place, although SdkSystemSetting names both.
    spec.propertyKeys = new KeySettings(Setting.property("aws.accessKeyId"), Setting.property("aws.secretAccessKey"),
        Setting.property("aws.sessionToken"));
    spec.environmentKeys = new KeySettings(Setting.environment("AWS_ACCESS_KEY_ID"),
        Setting.environment("AWS_SECRET_ACCESS_KEY"), Setting.environment("AWS_SESSION_TOKEN"));
    spec.webIdentityTokenFile =
        Setting.propertyThenEnvironment("aws.webIdentityTokenFile", "AWS_WEB_IDENTITY_TOKEN_FILE");
    spec.roleArn = Setting.propertyThenEnvironment("aws.roleArn", "AWS_ROLE_ARN");
    spec.containerRelativeUri =
        Setting.propertyThenEnvironment("aws.containerCredentialsPath", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    spec.containerFullUri =
        Setting.propertyThenEnvironment("aws.containerCredentialsFullUri", "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    spec.containerServiceEndpoint =
        Setting.propertyThenEnvironment("aws.containerServiceEndpoint", "AWS_CONTAINER_SERVICE_ENDPOINT");
    spec.imdsDisabled = Setting.propertyThenEnvironment("aws.disableEc2Metadata", "AWS_EC2_METADATA_DISABLED");
    spec.imdsEndpoint =
        Setting.propertyThenEnvironment("aws.ec2MetadataServiceEndpoint", "AWS_EC2_METADATA_SERVICE_ENDPOINT");
    spec.imdsEndpointMode = Setting.propertyThenEnvironment("aws.ec2MetadataServiceEndpointMode",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");
    spec.imdsSettingsInProfile = true;
    spec.profileName = Setting.propertyThenEnvironment("aws.profile", "AWS_PROFILE");
    spec.configFile = Setting.propertyThenEnvironment("aws.configFile", "AWS_CONFIG_FILE");
    spec.credentialsFile = Setting.propertyThenEnvironment("aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE");
    spec.profileKinds.addAll(EnumSet.complementOf(EnumSet.of(ProfileKind.NONE)));
    return new SdkDialect(spec);
  }

  private static SdkDialect v1() {
    Spec spec = new Spec(Sdk.V1, "DefaultAWSCredentialsProviderChain");
    spec.propertyKeys = new KeySettings(Setting.property("aws.accessKeyId"), Setting.property("aws.secretKey"),
        Setting.property("aws.sessionToken"));
    spec.environmentKeys = new KeySettings(Setting.environment("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"),
        Setting.environment("AWS_SECRET_KEY", "AWS_SECRET_ACCESS_KEY"), Setting.environment("AWS_SESSION_TOKEN"));
    // SDK v1 reads these from the environment only.
    spec.webIdentityTokenFile = Setting.environment("AWS_WEB_IDENTITY_TOKEN_FILE");
    spec.roleArn = Setting.environment("AWS_ROLE_ARN");
    spec.containerRelativeUri = Setting.environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    spec.containerFullUri = Setting.environment("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    spec.containerReplacesInstanceProfile = true;
    spec.imdsDisabled =
        Setting.propertyThenEnvironment("com.amazonaws.sdk.disableEc2Metadata", "AWS_EC2_METADATA_DISABLED");
    spec.imdsDisabledIfAnyTrue = true;
    spec.imdsEndpoint = Setting.propertyThenEnvironment("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT");
    spec.profileName = Setting.environmentThenProperty("AWS_PROFILE", "aws.profile");
    spec.credentialsFile = Setting.environment("AWS_CREDENTIAL_PROFILES_FILE");
    // ProfilesConfigFile knows role_arn with source_profile, credential_process and keys; nothing newer.
    spec.profileKinds.addAll(EnumSet.of(ProfileKind.ASSUME_ROLE, ProfileKind.PROCESS, ProfileKind.STATIC));
    spec.assumeRoleNeedsSourceProfile = true;
    return new SdkDialect(spec);
  }

  public static SdkDialect of(Sdk sdk) {
    return sdk == Sdk.V2 ? V2 : V1;
  }

  public Sdk sdk() {
    return sdk;
  }

  /** The simple name of the SDK's default chain: {@code DefaultCredentialsProvider}. */
  public String chainClass() {
    return chainClass;
  }

  /** The simple name of the provider class that stands for a source in the default chain, or {@code null}. */
  public String provider(CredentialSource source) {
    String className = CredentialChainModel.of(sdk).chainProvider(source);
    return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * The settings that put keys in a source's reach, for telling people what to remove when nothing better is known:
   * access key id, then secret key. Empty for sources that are not read from settings.
   */
  public List<String> keySettingNames(CredentialSource source) {
    KeySettings keys = source == CredentialSource.ENVIRONMENT ? environmentKeys
        : source == CredentialSource.SYSTEM_PROPERTIES ? propertyKeys : null;
    List<String> names = new ArrayList<String>();
    if (keys != null) {
      names.add(keys.accessKeyId.displayName());
      names.add(keys.secretKey.displayName());
    }
    return names;
  }

  @Override
  public String toString() {
    return "SdkDialect(" + sdk + ")";
  }

  /** What differs between the SDKs, gathered before it is frozen into a dialect. */
  private static final class Spec {
    final Sdk sdk;
    final String chainClass;
    final Set<ProfileKind> profileKinds = EnumSet.noneOf(ProfileKind.class);
    KeySettings propertyKeys;
    KeySettings environmentKeys;
    Setting webIdentityTokenFile;
    Setting roleArn;
    Setting containerRelativeUri;
    Setting containerFullUri;
    Setting containerServiceEndpoint;
    boolean containerReplacesInstanceProfile;
    Setting imdsDisabled;
    boolean imdsDisabledIfAnyTrue;
    Setting imdsEndpoint;
    Setting imdsEndpointMode;
    boolean imdsSettingsInProfile;
    Setting profileName;
    Setting configFile;
    Setting credentialsFile;
    boolean assumeRoleNeedsSourceProfile;

    Spec(Sdk sdk, String chainClass) {
      this.sdk = sdk;
      this.chainClass = chainClass;
    }
  }
}
