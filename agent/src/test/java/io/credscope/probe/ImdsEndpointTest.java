package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each SDK would ask; nothing here connects anywhere. */
class ImdsEndpointTest {

  @TempDir
  Path home;

  private String resolve(SdkDialect sdk, Map<String, String> environment, String... properties) {
    return ImdsEndpoint.resolve(sdk, TestHost.settings(home, environment, properties)).toString();
  }

  @Test
  void theDefaultAddress() {
    assertEquals("http://169.254.169.254", resolve(SdkDialect.V2, Map.of()));
    assertEquals("http://169.254.169.254", resolve(SdkDialect.V1, Map.of()));
  }

  @Test
  void sdkV2EndpointModes() {
    assertEquals("http://[fd00:ec2::254]",
        resolve(SdkDialect.V2, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6")));
    assertEquals("http://[fd00:ec2::254]",
        resolve(SdkDialect.V2, Map.of(), "aws.ec2MetadataServiceEndpointMode", "ipv6"));
    assertEquals("http://169.254.169.254",
        resolve(SdkDialect.V2, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv4")));
    // SDK v1 has no endpoint mode.
    assertEquals("http://169.254.169.254",
        resolve(SdkDialect.V1, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6")));
    ImdsEndpoint bad = ImdsEndpoint.resolve(SdkDialect.V2,
        TestHost.settings(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5")));
    assertNull(bad.url());
    assertEquals("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE is 'IPv5', neither IPv4 nor IPv6", bad.problem());
  }

  @Test
  void anEndpointWinsOverAMode() {
    assertEquals("http://127.0.0.1:8111", resolve(SdkDialect.V2, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT",
        "http://127.0.0.1:8111", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6")));
  }

  @Test
  void sdkV2ReadsTheActiveProfileToo() throws IOException {
    Path aws = Files.createDirectory(home.resolve(".aws"));
    Files.writeString(aws.resolve("config"), "[default]\nec2_metadata_service_endpoint_mode = IPv6\n"
        + "[profile local]\nec2_metadata_service_endpoint = http://127.0.0.1:8222\n");
    assertEquals("http://[fd00:ec2::254]", resolve(SdkDialect.V2, Map.of()));
    assertEquals("http://127.0.0.1:8222", resolve(SdkDialect.V2, Map.of("AWS_PROFILE", "local")));
    assertEquals("http://169.254.169.254", resolve(SdkDialect.V1, Map.of("AWS_PROFILE", "local")));
  }
}
