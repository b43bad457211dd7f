package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceProfileProbeTest {

  @TempDir
  Path home;

  private final InstanceProfileProbe probe = new InstanceProfileProbe(new ImdsClient(1000));

  @Test
  void theInstanceRoleByName() throws IOException {
    try (FakeImds imds = FakeImds.withRole("demo-instance-role")) {
      SourceAvailability instance = probe.probe(SdkDialect.V2,
          TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint())));
      assertTrue(instance.available());
      assertEquals("demo-instance-role", instance.role());
      assertEquals("instance role demo-instance-role from IMDS at " + imds.endpoint(), instance.origin());
      assertEquals("InstanceProfileCredentialsProvider", instance.provider());
    }
  }

  @Test
  void eachSdkHasItsOwnEndpointProperty() throws IOException {
    try (FakeImds imds = FakeImds.withRole("r")) {
      String nowhere = "http://127.0.0.1:1";
      HostSettings v2 = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", nowhere),
          "aws.ec2MetadataServiceEndpoint", imds.endpoint());
      assertEquals("r", probe.probe(SdkDialect.V2, v2).role());
      HostSettings v1 = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", nowhere),
          "com.amazonaws.sdk.ec2MetadataServiceEndpointOverride", imds.endpoint());
      assertEquals("r", probe.probe(SdkDialect.V1, v1).role());
    }
  }

  @Test
  void switchedOffImdsIsNotAsked() throws IOException {
    try (FakeImds imds = FakeImds.withRole("r")) {
      String endpoint = imds.endpoint();
      assertEquals("AWS_EC2_METADATA_DISABLED=true", probe.probe(SdkDialect.V2, TestHost.settings(home,
          Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint, "AWS_EC2_METADATA_DISABLED", "true"))).reason());
      assertEquals("-Dcom.amazonaws.sdk.disableEc2Metadata=true", probe.probe(SdkDialect.V1, TestHost.settings(home,
          Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint), "com.amazonaws.sdk.disableEc2Metadata", "true"))
          .reason());
      assertEquals(List.of(), imds.requests());
    }
  }

  @Test
  void sdkV2TakesTheFirstPlaceSetButV1AnyThatSaysTrue() throws IOException {
    try (FakeImds imds = FakeImds.withRole("r")) {
      HostSettings v2 = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint(),
          "AWS_EC2_METADATA_DISABLED", "true"), "aws.disableEc2Metadata", "false");
      assertEquals("r", probe.probe(SdkDialect.V2, v2).role());
      HostSettings v1 = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint(),
          "AWS_EC2_METADATA_DISABLED", "true"), "com.amazonaws.sdk.disableEc2Metadata", "false");
      assertEquals("AWS_EC2_METADATA_DISABLED=true", probe.probe(SdkDialect.V1, v1).reason());
    }
  }

  @Test
  void sdkV2RejectsAValueThatIsNoBoolean() {
    assertEquals("AWS_EC2_METADATA_DISABLED is 'yes', which SDK v2 rejects: not true or false",
        probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of("AWS_EC2_METADATA_DISABLED", "yes"))).reason());
  }

  @Test
  void sdkV1AsksTheContainerEndpointInsteadWhenOneIsSet() throws IOException {
    try (FakeImds imds = FakeImds.withRole("r")) {
      HostSettings settings = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint(),
          "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9911/creds"));
      assertEquals("SDK v1 asks the container endpoint instead, as AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or "
          + "AWS_CONTAINER_CREDENTIALS_FULL_URI is set", probe.probe(SdkDialect.V1, settings).reason());
      assertEquals(List.of(), imds.requests());
      assertEquals("r", probe.probe(SdkDialect.V2, settings).role());
    }
  }

  @Test
  void oneProbeAsksEachEndpointOnce() throws IOException {
    try (FakeImds imds = FakeImds.withRole("r")) {
      HostSettings settings = TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint()));
      probe.probe(SdkDialect.V2, settings);
      probe.probe(SdkDialect.V1, settings);
      assertEquals(3, imds.requests().size(), "token, role and iam/info, once: " + imds.requests());
    }
  }

  @Test
  void anEndpointThatNeverAnswers() throws IOException {
    InstanceProfileProbe quick = new InstanceProfileProbe(new ImdsClient(200));
    try (SilentServer silent = new SilentServer()) {
      SourceAvailability instance = quick.probe(SdkDialect.V2,
          TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", silent.endpoint())));
      assertEquals("IMDS at " + silent.endpoint() + " did not answer within 200 ms", instance.reason());
    }
  }
}
