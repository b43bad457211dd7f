package io.credscope.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsResolved;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanLogTest {

  @Test
  void oneLineSaysWhatWonAndWhere() {
    CredentialsResolved resolved = new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.ENVIRONMENT,
        "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), "DefaultCredentialsProvider", "com.example.Main.main(Main.java:7)");
    assertEquals("AWS SDK v2 credentials from environment: EnvironmentVariableCredentialsProvider supplied "
        + "long-term key AKIA\u2026MPLE via DefaultCredentialsProvider, first used at com.example.Main.main(Main.java:7)",
        new HumanLog(true).describe(resolved));
  }

  @Test
  void unmaskedKeyOnlyWhenAskedFor() {
    CredentialsResolved resolved = new CredentialsResolved(Instant.now(), Sdk.V2, CredentialSource.STATIC,
        "software.amazon.awssdk.auth.credentials.StaticCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), null, null);
    assertEquals("AWS SDK v2 credentials from static: StaticCredentialsProvider supplied long-term key "
        + "AKIAIOSFODNN7EXAMPLE", new HumanLog(false).describe(resolved));
  }
}
