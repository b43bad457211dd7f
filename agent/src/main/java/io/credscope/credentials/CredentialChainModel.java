package io.credscope.credentials;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One SDK's default credentials chain as data: the order of its sources, which provider class
 * stands for which source, and which classes are chains rather than sources. Class names, never
 * {@code Class} objects, so that nothing here loads SDK classes.
 */
public final class CredentialChainModel {

  private static final String V2_PACKAGE = "software.amazon.awssdk.auth.credentials.";
  private static final String V2_STS = "software.amazon.awssdk.services.sts.auth.";

  /** AWS SDK for Java v2, {@code DefaultCredentialsProvider}. */
  public static final CredentialChainModel V2 = new Builder(Sdk.V2, "resolveCredentials", "software.amazon.awssdk.",
      V2_PACKAGE + "AwsCredentialsProvider", "software.amazon.awssdk.identity.spi.IdentityProvider")
      // Both inherit resolveCredentials() from this base class, which is what gets instrumented.
      .declaringClass(V2_PACKAGE + "internal.SystemSettingsCredentialsProvider")
      .inheritingSource(CredentialSource.SYSTEM_PROPERTIES, V2_PACKAGE + "SystemPropertyCredentialsProvider")
      .inheritingSource(CredentialSource.ENVIRONMENT, V2_PACKAGE + "EnvironmentVariableCredentialsProvider")
      .source(CredentialSource.WEB_IDENTITY, V2_PACKAGE + "WebIdentityTokenFileCredentialsProvider")
      .source(CredentialSource.PROFILE, V2_PACKAGE + "ProfileCredentialsProvider")
      .source(CredentialSource.CONTAINER, V2_PACKAGE + "ContainerCredentialsProvider")
      .source(CredentialSource.INSTANCE_PROFILE, V2_PACKAGE + "InstanceProfileCredentialsProvider")
      .outsideChain(CredentialSource.STATIC, V2_PACKAGE + "StaticCredentialsProvider")
      .outsideChain(CredentialSource.PROCESS, V2_PACKAGE + "ProcessCredentialsProvider")
      .outsideChain(CredentialSource.ANONYMOUS, V2_PACKAGE + "AnonymousCredentialsProvider")
      // The sts module's providers share resolveCredentials() in their abstract base class.
      .declaringClass(V2_STS + "StsCredentialsProvider")
      .inheritingProvider(CredentialSource.ASSUME_ROLE, V2_STS + "StsAssumeRoleCredentialsProvider")
      .inheritingProvider(CredentialSource.ASSUME_ROLE, V2_STS + "StsAssumeRoleWithSamlCredentialsProvider")
      .inheritingProvider(CredentialSource.WEB_IDENTITY, V2_STS + "StsAssumeRoleWithWebIdentityCredentialsProvider")
      .outsideChain(CredentialSource.WEB_IDENTITY, V2_STS + "StsWebIdentityTokenFileCredentialsProvider")
      .outsideChain(CredentialSource.SSO, "software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider")
      .chain(V2_PACKAGE + "DefaultCredentialsProvider")
      .iteratingChain(V2_PACKAGE + "AwsCredentialsProviderChain")
      .chain(V2_PACKAGE + "internal.LazyAwsCredentialsProvider")
      .build();

  private static final String V1_PACKAGE = "com.amazonaws.auth.";

  /**
   * AWS SDK for Java v1, {@code DefaultAWSCredentialsProviderChain}: environment before system
   * properties, unlike v2. Its last link picks the container endpoint or the instance profile at
   * run time, so the wrapper is transparent and whichever it delegates to reports.
   */
  public static final CredentialChainModel V1 = new Builder(Sdk.V1, "getCredentials", "com.amazonaws.",
      V1_PACKAGE + "AWSCredentialsProvider")
      .source(CredentialSource.ENVIRONMENT, V1_PACKAGE + "EnvironmentVariableCredentialsProvider")
      .source(CredentialSource.SYSTEM_PROPERTIES, V1_PACKAGE + "SystemPropertiesCredentialsProvider")
      .source(CredentialSource.WEB_IDENTITY, V1_PACKAGE + "WebIdentityTokenCredentialsProvider")
      .source(CredentialSource.PROFILE, V1_PACKAGE + "profile.ProfileCredentialsProvider")
      .source(CredentialSource.CONTAINER, V1_PACKAGE + "ContainerCredentialsProvider")
      .source(CredentialSource.INSTANCE_PROFILE, V1_PACKAGE + "InstanceProfileCredentialsProvider")
      .outsideChain(CredentialSource.STATIC, V1_PACKAGE + "AWSStaticCredentialsProvider")
      // What a client built with the deprecated credentials constructors wraps its keys in.
      .outsideChain(CredentialSource.STATIC, "com.amazonaws.internal.StaticCredentialsProvider")
      .outsideChain(CredentialSource.PROCESS, V1_PACKAGE + "ProcessCredentialsProvider")
      // In aws-java-sdk-sts, under core's package. A profile with role_arn, and WebIdentityTokenCredentialsProvider,
      // build these and ask them from inside their own getCredentials(), so only when the application builds one
      // itself does it report.
      .outsideChain(CredentialSource.ASSUME_ROLE, V1_PACKAGE + "STSAssumeRoleSessionCredentialsProvider")
      .outsideChain(CredentialSource.WEB_IDENTITY,
          V1_PACKAGE + "STSAssumeRoleWithWebIdentitySessionCredentialsProvider")
      .iteratingChain(V1_PACKAGE + "AWSCredentialsProviderChain")
      .chain(V1_PACKAGE + "DefaultAWSCredentialsProviderChain")
      .chain(V1_PACKAGE + "EC2ContainerCredentialsProviderWrapper")
      .build();

  /** Every SDK credscope knows, for lookups that do not know the SDK yet. */
  public static final List<CredentialChainModel> ALL =
      Collections.unmodifiableList(Arrays.asList(V2, V1));

  private final Sdk sdk;
  private final String providerMethod;
  private final String libraryPackage;
  private final Set<String> providerInterfaces;
  private final List<CredentialSource> order;
  private final Map<CredentialSource, String> chainProviders;
  private final Map<String, CredentialSource> sourceByProvider;
  private final Set<String> declaringClasses;
  private final Set<String> chainClasses;
  private final Set<String> iteratingChains;

  private CredentialChainModel(Builder builder) {
    this.sdk = builder.sdk;
    this.providerMethod = builder.providerMethod;
    this.libraryPackage = builder.libraryPackage;
    this.providerInterfaces = builder.providerInterfaces;
    this.order = Collections.unmodifiableList(Arrays.asList(builder.order.toArray(new CredentialSource[0])));
    this.chainProviders = Collections.unmodifiableMap(builder.chainProviders);
    this.sourceByProvider = Collections.unmodifiableMap(builder.sourceByProvider);
    this.declaringClasses = Collections.unmodifiableSet(builder.declaringClasses);
    this.chainClasses = Collections.unmodifiableSet(builder.chainClasses);
    this.iteratingChains = Collections.unmodifiableSet(builder.iteratingChains);
  }

  /** The model of this SDK. */
  public static CredentialChainModel of(Sdk sdk) {
    return sdk == Sdk.V2 ? V2 : V1;
  }

  public Sdk sdk() {
    return sdk;
  }

  /**
   * Whether a class belongs to this SDK's credentials machinery at all (a provider or a chain it
   * knows), as opposed to an application's own provider.
   */
  public boolean knows(String className) {
    return sourceByProvider.containsKey(className) || chainClasses.contains(className)
        || declaringClasses.contains(className);
  }

  /** Whether a class is part of this SDK, so never one of the application's own providers. */
  public boolean ownsClass(String className) {
    return className.startsWith(libraryPackage);
  }

  /** The interfaces an application implements to supply this SDK's credentials itself. */
  public Set<String> providerInterfaces() {
    return providerInterfaces;
  }

  /** The no-argument method with which this SDK asks a provider for credentials. */
  public String providerMethod() {
    return providerMethod;
  }

  /** The sources of the default chain, in the order the SDK tries them. */
  public List<CredentialSource> order() {
    return order;
  }

  /** The provider class that stands for a source of the default chain, or {@code null} for other sources. */
  public String chainProvider(CredentialSource source) {
    return chainProviders.get(source);
  }

  /** The source a provider class stands for, or {@code null} when it is none of this SDK's. */
  public CredentialSource sourceOf(String providerClassName) {
    return sourceByProvider.get(providerClassName);
  }

  /**
   * Classes that declare the {@code resolveCredentials()} that yields credentials: the ones to
   * instrument, and the names their frames carry on a stack.
   */
  public Set<String> declaringClasses() {
    return declaringClasses;
  }

  public boolean isChain(String className) {
    return chainClasses.contains(className);
  }

  /**
   * The chain classes that declare the method asking each provider in turn: the ones to instrument
   * to see a chain's failures. The other chain classes only wrap or pick a provider.
   */
  public Set<String> iteratingChains() {
    return iteratingChains;
  }

  private static final class Builder {
    private final Sdk sdk;
    private final String providerMethod;
    private final String libraryPackage;
    private final Set<String> providerInterfaces;
    private final List<CredentialSource> order = new java.util.ArrayList<CredentialSource>();
    private final Map<CredentialSource, String> chainProviders = new HashMap<CredentialSource, String>();
    private final Map<String, CredentialSource> sourceByProvider = new HashMap<String, CredentialSource>();
    private final Set<String> declaringClasses = new HashSet<String>();
    private final Set<String> chainClasses = new HashSet<String>();
    private final Set<String> iteratingChains = new HashSet<String>();

    Builder(Sdk sdk, String providerMethod, String libraryPackage, String... providerInterfaces) {
      this.sdk = sdk;
      this.providerMethod = providerMethod;
      this.libraryPackage = libraryPackage;
      this.providerInterfaces = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(providerInterfaces)));
    }

    Builder source(CredentialSource source, String providerClass) {
      order.add(source);
      chainProviders.put(source, providerClass);
      return outsideChain(source, providerClass);
    }

    /** A chain source whose provider class inherits {@code resolveCredentials()} from a declaring class. */
    Builder inheritingSource(CredentialSource source, String providerClass) {
      order.add(source);
      chainProviders.put(source, providerClass);
      return inheritingProvider(source, providerClass);
    }

    /** A provider outside the default chain that inherits {@code resolveCredentials()}. */
    Builder inheritingProvider(CredentialSource source, String providerClass) {
      sourceByProvider.put(providerClass, source);
      return this;
    }

    Builder outsideChain(CredentialSource source, String providerClass) {
      sourceByProvider.put(providerClass, source);
      declaringClasses.add(providerClass);
      return this;
    }

    Builder declaringClass(String className) {
      declaringClasses.add(className);
      return this;
    }

    Builder chain(String className) {
      chainClasses.add(className);
      return this;
    }

    Builder iteratingChain(String className) {
      iteratingChains.add(className);
      return chain(className);
    }

    CredentialChainModel build() {
      return new CredentialChainModel(this);
    }
  }
}
