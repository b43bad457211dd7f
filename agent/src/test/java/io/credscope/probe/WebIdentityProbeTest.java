package io.credscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebIdentityProbeTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/eks-pod-role";

  @TempDir
  Path home;

  private final WebIdentityProbe probe = new WebIdentityProbe();

  private Path tokenFile() throws IOException {
    return Files.writeString(home.resolve("token"), "eyJhbGciOi.not-a-real-token");
  }

  @Test
  void aRoleAndAReadableTokenFile() throws IOException {
    String token = tokenFile().toString();
    SourceAvailability identity = probe.probe(SdkDialect.V2,
        TestHost.settings(home, Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token, "AWS_ROLE_ARN", ROLE)));
    assertTrue(identity.available());
    assertEquals(ROLE, identity.role());
    assertEquals("role " + ROLE + " from AWS_ROLE_ARN, token file " + token + " from AWS_WEB_IDENTITY_TOKEN_FILE",
        identity.origin());
    assertEquals("WebIdentityTokenFileCredentialsProvider", identity.provider());
    assertEquals(List.of("AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN"), identity.settingNames());
    assertFalse(identity.toString().contains("not-a-real-token"));
  }

  @Test
  void sdkV2AlsoReadsSystemPropertiesButV1DoesNot() throws IOException {
    HostSettings settings = TestHost.settings(home, Map.of(), "aws.webIdentityTokenFile", tokenFile().toString(),
        "aws.roleArn", ROLE);
    SourceAvailability v2 = probe.probe(SdkDialect.V2, settings);
    assertTrue(v2.available());
    assertTrue(v2.origin().startsWith("role " + ROLE + " from -Daws.roleArn, token file "), v2.origin());
    assertEquals("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set", probe.probe(SdkDialect.V1, settings).reason());
    assertEquals("WebIdentityTokenCredentialsProvider", probe.probe(SdkDialect.V1, settings).provider());
  }

  @Test
  void halfASetUp() throws IOException {
    assertEquals("AWS_ROLE_ARN not set (AWS_WEB_IDENTITY_TOKEN_FILE is)", probe.probe(SdkDialect.V1,
        TestHost.settings(home, Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile().toString()))).reason());
    assertEquals("AWS_WEB_IDENTITY_TOKEN_FILE not set (AWS_ROLE_ARN is)",
        probe.probe(SdkDialect.V2, TestHost.settings(home, Map.of("AWS_ROLE_ARN", ROLE))).reason());
  }

  @Test
  void aTokenFileThatCannotBeRead() throws IOException {
    String missing = home.resolve("missing").toString();
    assertEquals("token file " + missing + " (AWS_WEB_IDENTITY_TOKEN_FILE) does not exist", probe.probe(SdkDialect.V2,
        TestHost.settings(home, Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", missing, "AWS_ROLE_ARN", ROLE))).reason());
    String folder = Files.createDirectory(home.resolve("folder")).toString();
    assertEquals("token file " + folder + " (AWS_WEB_IDENTITY_TOKEN_FILE) is not a readable file",
        probe.probe(SdkDialect.V2,
            TestHost.settings(home, Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", folder, "AWS_ROLE_ARN", ROLE))).reason());
  }
}
