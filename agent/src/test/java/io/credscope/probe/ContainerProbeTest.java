package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerProbeTest {

  private static final Path HOME = Path.of("/nonexistent-home");
  private static final String RELATIVE = "/v2/credentials/2f1c6a7e-task";
  private static final String FULL = "http://169.254.170.23/v1/credentials";

  private final ContainerProbe probe = new ContainerProbe();

  @Test
  void aRelativeUriPointsAtTheEcsEndpoint() {
    SourceAvailability container = probe.probe(SdkDialect.V2,
        TestHost.settings(HOME, Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", RELATIVE)));
    assertTrue(container.available());
    assertEquals("http://169.254.170.2" + RELATIVE, container.role());
    assertEquals("credentials endpoint http://169.254.170.2" + RELATIVE
        + " from AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (not contacted)", container.origin());
    assertEquals(List.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), container.settingNames());
  }

  @Test
  void sdkV2ReadsPropertiesAndTheServiceEndpoint() {
    SourceAvailability container = probe.probe(SdkDialect.V2, TestHost.settings(HOME,
        Map.of("AWS_CONTAINER_SERVICE_ENDPOINT", "http://127.0.0.1:9911"), "aws.containerCredentialsPath", RELATIVE));
    assertEquals("http://127.0.0.1:9911" + RELATIVE, container.role());
    assertEquals("credentials endpoint http://127.0.0.1:9911" + RELATIVE
        + " from -Daws.containerCredentialsPath and AWS_CONTAINER_SERVICE_ENDPOINT (not contacted)",
        container.origin());
  }

  @Test
  void aFullUri() {
    SourceAvailability container = probe.probe(SdkDialect.V1,
        TestHost.settings(HOME, Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", FULL)));
    assertEquals(FULL, container.role());
    assertEquals("ContainerCredentialsProvider", container.provider());
  }

  @Test
  void theRelativeUriComesFirst() {
    SourceAvailability container = probe.probe(SdkDialect.V1, TestHost.settings(HOME,
        Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", FULL, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", RELATIVE)));
    assertEquals("http://169.254.170.2" + RELATIVE, container.role());
  }

  @Test
  void sdkV1ReadsTheEnvironmentOnly() {
    HostSettings properties = TestHost.settings(HOME, Map.of(), "aws.containerCredentialsFullUri", FULL);
    assertTrue(probe.probe(SdkDialect.V2, properties).available());
    assertEquals("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        probe.probe(SdkDialect.V1, properties).reason());
  }
}
