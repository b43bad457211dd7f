package io.credscope.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.KeyType;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** Drives the recorder with the SDK's own provider and credentials classes, as the advice does. */
class CredentialsRecorderTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

  private final List<Event> events = new ArrayList<>();
  private final CredentialsRecorder recorder = new CredentialsRecorder(CredentialChainModel.ALL, events::add,
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

  private void resolve(AwsCredentialsProvider provider) {
    recorder.credentialsProvided(provider, provider.resolveCredentials());
  }

  @Test
  void firstResolutionIsAnEventLaterOnesAreCounted() {
    StaticCredentialsProvider provider =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET));
    for (int i = 0; i < 5; i++) {
      resolve(provider);
    }
    assertEquals(1, events.size());
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals("credentials.resolved", resolved.type());
    assertEquals(Instant.parse("2026-11-22T10:00:00Z"), resolved.time());
    assertEquals(Sdk.V2, resolved.sdk());
    assertEquals(CredentialSource.STATIC, resolved.source());
    assertEquals("StaticCredentialsProvider", resolved.provider());
    assertEquals("AKIA\u2026MPLE", resolved.key().masked());
    assertEquals(KeyType.LONG_TERM, resolved.key().type());
    assertEquals(1, recorder.resolutions().size());
    assertEquals(5, recorder.resolutions().get(0).count());
  }

  @Test
  void sessionCredentialsTellTheirExpirationAndTheSdksProviderName() {
    Instant expires = Instant.parse("2026-11-22T16:00:00Z");
    resolve(StaticCredentialsProvider.create(AwsSessionCredentials.builder().accessKeyId("ASIAIOSFODNN7EXAMPLE")
        .secretAccessKey(SECRET).sessionToken(TOKEN).expirationTime(expires).build()));
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals(expires, resolved.expiration());
    assertEquals(CredentialSource.STATIC, resolved.sdkSource(), resolved.sdkProviderName());
  }

  @Test
  void aNewKeyFromTheSameProviderIsANewEvent() {
    resolve(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAAAAAAAAAAAAAAAAA", SECRET)));
    resolve(StaticCredentialsProvider.create(
        AwsSessionCredentials.create("ASIABBBBBBBBBBBBBBBB", SECRET, TOKEN)));
    assertEquals(2, events.size());
    assertEquals(KeyType.TEMPORARY, ((CredentialsResolved) events.get(1)).key().type());
  }

  @Test
  void sdkV1ProvidersAreAttributedToV1() {
    com.amazonaws.auth.AWSStaticCredentialsProvider provider = new com.amazonaws.auth.AWSStaticCredentialsProvider(
        new com.amazonaws.auth.BasicSessionCredentials("ASIAIOSFODNN7EXAMPLE", SECRET, TOKEN));
    recorder.credentialsProvided(provider, provider.getCredentials());
    recorder.credentialsProvided(provider, provider.getCredentials());
    assertEquals(1, events.size());
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals(Sdk.V1, resolved.sdk());
    assertEquals(CredentialSource.STATIC, resolved.source());
    assertEquals("AWSStaticCredentialsProvider", resolved.provider());
    assertEquals(KeyType.TEMPORARY, resolved.key().type());
    assertEquals(2, recorder.resolutions().get(0).count());
  }

  /** The order advice reports a chain walk in: enter, each provider's outcome, exit. */
  @Test
  void aChainThatFindsNothingIsOneEventListingEveryProvider() {
    AwsCredentialsProviderChain chain = AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
        InstanceProfileCredentialsProvider.create());
    for (int attempt = 0; attempt < 3; attempt++) {
      recorder.chainEntered(chain);
      recorder.credentialsFailed(SystemPropertyCredentialsProvider.create(),
          new IllegalStateException("Access key must be specified either via environment variable"));
      recorder.credentialsFailed(InstanceProfileCredentialsProvider.create(),
          new IllegalStateException("IMDS credentials have been disabled by environment variable"));
      recorder.chainExited(chain, new IllegalStateException("Unable to load credentials from any of the providers"));
    }
    assertEquals(1, events.size(), "the same story is told once: " + events);
    CredentialsChainFailed failed = (CredentialsChainFailed) events.get(0);
    assertEquals(Sdk.V2, failed.sdk());
    assertEquals("AwsCredentialsProviderChain", failed.chain());
    assertEquals(List.of("system-properties SystemPropertyCredentialsProvider: aws.accessKeyId not set",
        "instance-profile InstanceProfileCredentialsProvider: AWS_EC2_METADATA_DISABLED=true"),
        failed.providers().stream().map(Object::toString).collect(Collectors.toList()));
    assertEquals(3, recorder.chainFailures().iterator().next().count());
  }

  @Test
  void aWinnerAfterFailuresCarriesWhatWasSkipped() {
    AwsCredentialsProviderChain chain = AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create());
    StaticCredentialsProvider winner =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET));
    recorder.chainEntered(chain);
    recorder.credentialsFailed(SystemPropertyCredentialsProvider.create(),
        new IllegalStateException("Access key must be specified either via environment variable"));
    resolve(winner);
    recorder.chainExited(chain, null);

    recorder.chainEntered(chain);
    resolve(winner);
    recorder.chainExited(chain, null);

    assertEquals(1, events.size());
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals(1, resolved.skipped().size());
    assertEquals("aws.accessKeyId not set", resolved.skipped().get(0).reason());
    assertEquals(2, recorder.resolutions().get(0).count());
  }

  /**
   * An STS provider's client asks its source provider from inside the STS provider's own
   * resolveCredentials(); when the source has nothing, both fail, but the chain tried only the STS one.
   */
  @Test
  void aProviderFailingInsideAnotherIsNoChainMemberOfItsOwn() {
    SystemPropertyCredentialsProvider source = SystemPropertyCredentialsProvider.create();
    StsClient sts = new StsClient() {
      @Override
      public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        RuntimeException noKeys = new IllegalStateException("Access key must be specified either via environment "
            + "variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).");
        // Where the advice on the source provider would report, under the STS provider's frame.
        recorder.credentialsFailed(source, noKeys);
        throw noKeys;
      }

      @Override
      public String serviceName() {
        return "sts";
      }

      @Override
      public void close() {
      }
    };
    StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
        .refreshRequest(request -> request.roleArn("arn:aws:iam::123456789012:role/Demo").roleSessionName("demo"))
        .build();
    AwsCredentialsProviderChain chain = AwsCredentialsProviderChain.of(role);
    recorder.chainEntered(chain);
    RuntimeException failure = assertThrows(RuntimeException.class, role::resolveCredentials);
    recorder.credentialsFailed(role, failure);
    recorder.chainExited(chain, failure);

    CredentialsChainFailed failed = (CredentialsChainFailed) events.get(0);
    assertEquals(List.of("assume-role StsAssumeRoleCredentialsProvider"), failed.providers().stream()
        .map(provider -> provider.source() + " " + provider.provider()).collect(Collectors.toList()));
  }

  @Test
  void aProviderFailingOutsideAnyChainIsTheApplicationsToSee() {
    recorder.credentialsFailed(SystemPropertyCredentialsProvider.create(), new IllegalStateException("nothing"));
    recorder.chainExited(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create()), null);
    assertTrue(events.isEmpty());
    assertTrue(recorder.chainFailures().isEmpty());
  }

  /** What the identity hook sees: every provider the SDK asks, the application's own included. */
  @Test
  void anApplicationsOwnProviderIsCustom() {
    AwsCredentialsProvider vault = new VaultProvider();
    recorder.identityResolved(vault, vault.resolveCredentials());
    recorder.identityResolved(vault, vault.resolveCredentials());
    assertEquals(1, events.size());
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals(CredentialSource.CUSTOM, resolved.source());
    assertEquals(Sdk.V2, resolved.sdk());
    assertEquals("CredentialsRecorderTest$VaultProvider", resolved.provider());
  }

  @Test
  void sdkProvidersAskedThroughTheIdentityHookAreLeftToTheirOwnHook() {
    StaticCredentialsProvider provider =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET));
    recorder.identityResolved(provider, provider.resolveCredentials());
    recorder.identityResolved(software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build(),
        provider.resolveCredentials());
    assertTrue(events.isEmpty(), events.toString());
  }

  /** SDK v1 asks an application's provider from its request executor, with the provider in the execution context. */
  @Test
  void anApplicationsOwnV1ProviderIsCustom() {
    com.amazonaws.http.ExecutionContext context = new com.amazonaws.http.ExecutionContext();
    context.setCredentialsProvider(new VaultProviderV1());
    recorder.executionCredentials(context, context.getCredentialsProvider().getCredentials());
    recorder.executionCredentials(context, context.getCredentialsProvider().getCredentials());
    assertEquals(1, events.size());
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals(CredentialSource.CUSTOM, resolved.source());
    assertEquals(Sdk.V1, resolved.sdk());
    assertEquals("CredentialsRecorderTest$VaultProviderV1", resolved.provider());
    assertEquals(2, recorder.resolutions().get(0).count());
  }

  @Test
  void v1ProvidersTheSdkKnowsAreLeftToTheirOwnHook() {
    com.amazonaws.http.ExecutionContext context = new com.amazonaws.http.ExecutionContext();
    context.setCredentialsProvider(new com.amazonaws.auth.AWSStaticCredentialsProvider(
        new com.amazonaws.auth.BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", SECRET)));
    recorder.executionCredentials(context, context.getCredentialsProvider().getCredentials());
    context.setCredentialsProvider(new com.amazonaws.internal.StaticCredentialsProvider(
        new com.amazonaws.auth.BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", SECRET)));
    recorder.executionCredentials(context, context.getCredentialsProvider().getCredentials());
    assertTrue(events.isEmpty(), events.toString());
  }

  @Test
  void anonymousCredentialsAreRecordedWithNoKey() {
    AnonymousCredentialsProvider anonymous = AnonymousCredentialsProvider.create();
    recorder.credentialsProvided(anonymous, anonymous.resolveCredentials());
    com.amazonaws.auth.AWSStaticCredentialsProvider v1 =
        new com.amazonaws.auth.AWSStaticCredentialsProvider(new com.amazonaws.auth.AnonymousAWSCredentials());
    recorder.credentialsProvided(v1, v1.getCredentials());
    assertEquals(2, events.size(), events.toString());
    CredentialsResolved v2Resolved = (CredentialsResolved) events.get(0);
    assertEquals(CredentialSource.ANONYMOUS, v2Resolved.source());
    assertEquals(AccessKeyId.NONE, v2Resolved.key());
    assertEquals("(none)", v2Resolved.key().display(false));
    CredentialsResolved v1Resolved = (CredentialsResolved) events.get(1);
    assertEquals(CredentialSource.STATIC, v1Resolved.source());
    assertEquals(KeyType.NONE, v1Resolved.key().type());
  }

  @Test
  void staticKeysCarryWhereTheApplicationBuiltThem() {
    StaticCredentialsProvider provider =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET));
    recorder.staticProviderBuilt(provider);
    resolve(provider);
    CredentialsResolved resolved = (CredentialsResolved) events.get(0);
    assertEquals(getClass().getName(), resolved.buildSite().className());
    assertTrue(resolved.buildSite().location().startsWith(getClass().getName()
        + ".staticKeysCarryWhereTheApplicationBuiltThem(CredentialsRecorderTest.java:"), resolved.buildSite().location());
    assertEquals(getClass().getClassLoader(), resolved.buildSite().loader());
  }

  /** The SDK builds static providers for itself (around profile keys, say): that is no application code. */
  @Test
  void staticProvidersTheSdkBuildsHaveNoBuildSite() {
    StaticCredentialsProvider provider =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET));
    java.util.Optional.of(provider).ifPresent(recorder::staticProviderBuilt);
    resolve(provider);
    assertEquals(null, ((CredentialsResolved) events.get(0)).buildSite());
  }

  /** An application's own SDK v1 provider. */
  private static final class VaultProviderV1 implements com.amazonaws.auth.AWSCredentialsProvider {
    @Override
    public com.amazonaws.auth.AWSCredentials getCredentials() {
      return new com.amazonaws.auth.BasicAWSCredentials("AKIAVAULTEXAMPLE0002", SECRET);
    }

    @Override
    public void refresh() {
    }
  }

  /** An application's own provider, as a team might write one around its secret store. */
  private static final class VaultProvider implements AwsCredentialsProvider {
    @Override
    public AwsBasicCredentials resolveCredentials() {
      return AwsBasicCredentials.create("AKIAVAULTEXAMPLE0001", SECRET);
    }
  }

  @Test
  void providersOutsideTheModelAreIgnored() {
    AwsCredentialsProvider custom = () -> AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET);
    resolve(custom);
    assertTrue(events.isEmpty());
  }

  @Test
  void objectsThatAreNoCredentialsAreIgnored() {
    recorder.credentialsProvided(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", SECRET)), null);
    recorder.credentialsProvided(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", SECRET)),
        new Object());
    assertTrue(events.isEmpty());
  }

  @Test
  void eventsNeverCarryTheSecretOrToken() {
    resolve(StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAIOSFODNN7EXAMPLE", SECRET, TOKEN)));
    String described = events.get(0).toString();
    assertFalse(described.contains(SECRET), described);
    assertFalse(described.contains(TOKEN), described);
    assertFalse(described.contains("ASIAIOSFODNN7EXAMPLE"), "toString masks the key id: " + described);
  }

  /**
   * Rotation: a provider that hands out more keys than it remembers forgets the one used least recently. Every new
   * key is still reported; the key in use all along stays known and is reported once; a forgotten key seen again is
   * reported again, since credscope no longer knows it saw it.
   */
  @Test
  void aProviderForgetsItsLeastRecentlyUsedKeysAndReportsEveryNewOne() {
    InstanceProfileCredentialsProvider imds = InstanceProfileCredentialsProvider.create();
    AwsSessionCredentials inUse = AwsSessionCredentials.create("ASIAINUSE00000000000", SECRET, TOKEN);
    int rotated = CredentialsRecorder.MAX_KEYS_PER_PROVIDER * 4;
    for (int i = 0; i < rotated; i++) {
      recorder.credentialsProvided(imds, AwsSessionCredentials.create(String.format("ASIA%016d", i), SECRET, TOKEN));
      recorder.credentialsProvided(imds, inUse);
    }
    List<CredentialsResolved> resolved = events.stream().map(CredentialsResolved.class::cast)
        .collect(Collectors.toList());
    assertEquals(rotated + 1, resolved.size(), "every key is reported, the one in use once");
    assertTrue(recorder.keysRemembered() <= CredentialsRecorder.MAX_KEYS_PER_PROVIDER, "" + recorder.keysRemembered());
    assertTrue(recorder.resolutions().size() <= CredentialsRecorder.MAX_KEYS_PER_PROVIDER);
    assertEquals(CredentialSource.INSTANCE_PROFILE, recorder.resolutionOf("ASIAINUSE00000000000").source());
    assertEquals(CredentialSource.INSTANCE_PROFILE,
        recorder.resolutionOf(String.format("ASIA%016d", rotated - 1)).source(), "the newest key is known");
    assertEquals(null, recorder.resolutionOf(String.format("ASIA%016d", 0)), "the oldest is forgotten");
    long listed = recorder.resolutions().stream().mapToLong(Resolution::count).sum();
    assertEquals(2L * rotated, listed + recorder.unrecordedResolutions(),
        "the summary lists what it remembers and counts the rest");

    recorder.credentialsProvided(imds, AwsSessionCredentials.create(String.format("ASIA%016d", 0), SECRET, TOKEN));
    assertEquals(rotated + 2, events.size(), "a forgotten key seen again is a new sighting");
  }
}
