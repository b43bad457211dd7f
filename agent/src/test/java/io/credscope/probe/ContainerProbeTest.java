package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerProbeTest {

  private static final Path HOME = Path.of("/nonexistent-home");
  /** The credential id in the path: a capability for the task's credentials, never to be shown. */
  private static final String CREDENTIAL_ID = "2f1c6a7e-task";
  private static final String RELATIVE = "/v2/credentials/" + CREDENTIAL_ID;
  private static final String FULL = "http://169.254.170.23/v1/credentials/" + CREDENTIAL_ID;

  private final ContainerProbe probe = new ContainerProbe();

  private static void assertNoPath(SourceAvailability container) {
    for (String shown : new String[] {container.role(), container.origin(), String.valueOf(container.settingNames())}) {
      assertFalse(shown.contains(CREDENTIAL_ID) || shown.contains("/v2/") || shown.contains("/v1/"), shown);
    }
  }

  @Test
  void aRelativeUriIsShownAsTheEcsEndpointAndTheSettingNeverByItsPath() {
    SourceAvailability container = probe.probe(SdkDialect.V2,
        TestHost.settings(HOME, Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", RELATIVE)));
    assertTrue(container.available());
    assertEquals("http://169.254.170.2 (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)", container.role());
    assertEquals("credentials endpoint http://169.254.170.2 from AWS_CONTAINER_CREDENTIALS_RELATIVE_URI "
        + "(not contacted; its path is a credential and is not shown)", container.origin());
    assertEquals(List.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), container.settingNames());
    assertNoPath(container);
  }

  @Test
  void sdkV2ReadsPropertiesAndTheServiceEndpoint() {
    SourceAvailability container = probe.probe(SdkDialect.V2, TestHost.settings(HOME,
        Map.of("AWS_CONTAINER_SERVICE_ENDPOINT", "http://127.0.0.1:9911"), "aws.containerCredentialsPath", RELATIVE));
    assertEquals("http://127.0.0.1:9911 (aws.containerCredentialsPath)", container.role());
    assertEquals("credentials endpoint http://127.0.0.1:9911 from -Daws.containerCredentialsPath and "
        + "AWS_CONTAINER_SERVICE_ENDPOINT (not contacted; its path is a credential and is not shown)",
        container.origin());
    assertNoPath(container);
  }

  @Test
  void aFullUriIsShownByItsSchemeHostAndPort() {
    SourceAvailability container = probe.probe(SdkDialect.V1,
        TestHost.settings(HOME, Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", FULL)));
    assertEquals("http://169.254.170.23 (AWS_CONTAINER_CREDENTIALS_FULL_URI)", container.role());
    assertEquals("ContainerCredentialsProvider", container.provider());
    assertNoPath(container);
  }

  @Test
  void userInformationQueriesAndUnreadableUrisAreNotShownEither() {
    assertEquals("https://task.example:8443",
        ContainerProbe.origin("https://user:secret@task.example:8443/creds/" + CREDENTIAL_ID + "?t=" + CREDENTIAL_ID));
    assertEquals("<unreadable URI>", ContainerProbe.origin("not a uri/" + CREDENTIAL_ID));
    assertEquals("<unreadable URI>", ContainerProbe.origin("/only/a/path/" + CREDENTIAL_ID));
  }

  @Test
  void theRelativeUriComesFirst() {
    SourceAvailability container = probe.probe(SdkDialect.V1, TestHost.settings(HOME,
        Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", FULL, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", RELATIVE)));
    assertEquals("http://169.254.170.2 (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)", container.role());
  }

  @Test
  void sdkV1ReadsTheEnvironmentOnly() {
    HostSettings properties = TestHost.settings(HOME, Map.of(), "aws.containerCredentialsFullUri", FULL);
    assertTrue(probe.probe(SdkDialect.V2, properties).available());
    assertEquals("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        probe.probe(SdkDialect.V1, properties).reason());
  }
}
