package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.credscope.credentials.CredentialChainModel;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProbeTest {

  @TempDir
  Path home;

  private static List<String> lines(List<SourceAvailability> chain) {
    List<String> lines = new ArrayList<>();
    for (SourceAvailability source : chain) {
      lines.add(source.source() + " " + source.provider() + ": "
          + (source.available() ? "yes, " + source.origin() : "no, " + source.reason()));
    }
    return lines;
  }

  @Test
  void aHostWithNothingSaysWhyNotForEverySourceInEachChainsOrder() {
    HostProbe probe = new HostProbe(TestHost.settings(home, Map.of("AWS_EC2_METADATA_DISABLED", "true")),
        new ImdsClient(1000));
    String files = home.resolve(".aws/config") + " or " + home.resolve(".aws/credentials");
    assertEquals(List.of(
        "system-properties SystemPropertyCredentialsProvider: no, aws.accessKeyId not set",
        "environment EnvironmentVariableCredentialsProvider: no, AWS_ACCESS_KEY_ID not set",
        "web-identity WebIdentityTokenFileCredentialsProvider: no, AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN "
            + "not set",
        "profile ProfileCredentialsProvider: no, no profile file at " + files,
        "container ContainerCredentialsProvider: no, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
            + "AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        "instance-profile InstanceProfileCredentialsProvider: no, AWS_EC2_METADATA_DISABLED=true"),
        lines(probe.probe(CredentialChainModel.V2)));
    assertEquals(List.of(
        "environment EnvironmentVariableCredentialsProvider: no, AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) not set",
        "system-properties SystemPropertiesCredentialsProvider: no, aws.accessKeyId not set",
        "web-identity WebIdentityTokenCredentialsProvider: no, AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set",
        "profile ProfileCredentialsProvider: no, no profile file at " + home.resolve(".aws/credentials"),
        "container ContainerCredentialsProvider: no, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
            + "AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        "instance-profile InstanceProfileCredentialsProvider: no, AWS_EC2_METADATA_DISABLED=true"),
        lines(probe.probe(CredentialChainModel.V1)));
  }

  @Test
  void bothChainsShareOneAnswerFromImds() throws IOException {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      HostProbe probe = new HostProbe(
          TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint())), new ImdsClient(1000));
      assertEquals("demo-instance-role", probe.probe(CredentialChainModel.V2).get(5).role());
      assertEquals("demo-instance-role", probe.probe(CredentialChainModel.V1).get(5).role());
      assertEquals("demo-instance-role", probe.probe(Sdk.V1, CredentialSource.INSTANCE_PROFILE).role());
      assertEquals(FakeImds.INSTANCE_PROFILE_ARN,
          probe.probe(Sdk.V1, CredentialSource.INSTANCE_PROFILE).instanceProfileArn());
      assertEquals(List.of("PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
          "GET /latest/meta-data/iam/info"), imds.requests());
    }
  }

  @Test
  void sourcesOutsideTheDefaultChainsHaveNothingToProbe() {
    HostProbe probe = new HostProbe(TestHost.settings(home, Map.of()), new ImdsClient(1000));
    assertThrows(IllegalArgumentException.class, () -> probe.probe(Sdk.V2, CredentialSource.STATIC));
  }
}
