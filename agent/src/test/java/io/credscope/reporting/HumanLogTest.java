package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.AwsError;
import io.credscope.events.CallIdentity;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.ProviderFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HumanLogTest {

  @Test
  void oneLineSaysWhatWonAndWhere() {
    CredentialsResolved resolved = new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.ENVIRONMENT,
        "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), "DefaultCredentialsProvider", "com.example.Main.main(Main.java:7)", List.of(), null, null, null, null);
    assertEquals("AWS SDK v2 credentials from environment: EnvironmentVariableCredentialsProvider supplied "
        + "long-term key AKIA\u2026MPLE via DefaultCredentialsProvider, first used at com.example.Main.main(Main.java:7)",
        new HumanLog(true).describe(resolved));
  }

  @Test
  void anAwsErrorIsOneLineWithItsCodeAndOperation() {
    AwsError throttled = new AwsError(Instant.now(), new CallIdentity(AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"),
        "dynamodb", "eu-west-1", Sdk.V2, CredentialSource.STATIC, "StaticCredentialsProvider"), "GetItem",
        "ThrottlingException", 400, true, "127.0.0.1", "okhttp", "com.example.Main.main(Main.java:7)");
    assertEquals("AWS throttled dynamodb GetItem: ThrottlingException (HTTP 400), key AKIA\u2026MPLE from static, via "
        + "okhttp, first at com.example.Main.main(Main.java:7); later ones are counted",
        new HumanLog(true).describe(throttled));
    AwsError unnamed = new AwsError(Instant.now(), new CallIdentity(null, "s3", "eu-west-1", null, null, null),
        "unknown", null, 502, false, "127.0.0.1", "apache-httpclient-4", null);
    assertEquals("AWS error from s3: no error code (HTTP 502), via apache-httpclient-4; later ones are counted",
        new HumanLog(true).describe(unnamed));
  }

  @Test
  void unmaskedKeyOnlyWhenAskedFor() {
    CredentialsResolved resolved = new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.STATIC,
        "software.amazon.awssdk.auth.credentials.StaticCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), null, null, List.of(), null, null, null, null);
    assertEquals("AWS SDK v2 credentials from static: StaticCredentialsProvider supplied long-term key "
        + "AKIAIOSFODNN7EXAMPLE", new HumanLog(false).describe(resolved));
  }

  @Test
  void aFailedChainIsOneBlockInChainOrder() {
    CredentialsChainFailed failed = new CredentialsChainFailed(Instant.now(), Sdk.V1,
        "DefaultAWSCredentialsProviderChain", List.of(
            new ProviderFailure("com.amazonaws.auth.EnvironmentVariableCredentialsProvider",
                CredentialSource.ENVIRONMENT, "AWS_ACCESS_KEY_ID not set"),
            new ProviderFailure("com.amazonaws.auth.InstanceProfileCredentialsProvider",
                CredentialSource.INSTANCE_PROFILE, "AWS_EC2_METADATA_DISABLED=true")),
        "com.example.Main.main(Main.java:7)");
    assertEquals(List.of(
        "AWS SDK v1 found no credentials: DefaultAWSCredentialsProviderChain tried 2 providers, for "
            + "com.example.Main.main(Main.java:7)",
        "  1. environment (EnvironmentVariableCredentialsProvider): AWS_ACCESS_KEY_ID not set",
        "  2. instance-profile (InstanceProfileCredentialsProvider): AWS_EC2_METADATA_DISABLED=true"),
        new HumanLog(true).describe(failed));
  }
}
