package io.credscope.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

class FailureReasonsTest {

  private static String reason(CredentialSource source, String sdkMessage) {
    return FailureReasons.describe(source, new IllegalStateException(sdkMessage));
  }

  @Test
  void aRealSdkV2FailureWithNothingSet() {
    System.clearProperty("aws.accessKeyId");
    Exception failure = assertThrows(Exception.class, () -> SystemPropertyCredentialsProvider.create()
        .resolveCredentials());
    assertEquals("aws.accessKeyId not set", FailureReasons.describe(CredentialSource.SYSTEM_PROPERTIES, failure));
  }

  @Test
  void aRealSdkV1FailureWithNothingSet() {
    System.clearProperty("aws.accessKeyId");
    Exception failure = assertThrows(Exception.class,
        () -> new com.amazonaws.auth.SystemPropertiesCredentialsProvider().getCredentials());
    assertEquals("aws.accessKeyId not set", FailureReasons.describe(CredentialSource.SYSTEM_PROPERTIES, failure));
  }

  /** The SDKs' messages verbatim, as SDK v2 2.56 and v1 1.12 word them. */
  @Test
  void sdkMessagesBecomeWhatToSet() {
    String v2Keys = "Unable to load credentials from system settings. Access key must be specified either via "
        + "environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).";
    assertEquals("AWS_ACCESS_KEY_ID not set", reason(CredentialSource.ENVIRONMENT, v2Keys));
    assertEquals("AWS_ACCESS_KEY_ID not set", reason(CredentialSource.ENVIRONMENT,
        "Unable to load AWS credentials from environment variables (AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) and "
            + "AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY))"));
    assertEquals("AWS_SECRET_ACCESS_KEY not set", reason(CredentialSource.ENVIRONMENT,
        "Unable to load credentials from system settings. Secret key must be specified either via environment "
            + "variable (AWS_SECRET_ACCESS_KEY) or system property (aws.secretAccessKey)."));
    assertEquals("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set", reason(CredentialSource.WEB_IDENTITY,
        "Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile "
            + "must be set."));
    assertEquals("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set", reason(CredentialSource.WEB_IDENTITY,
        "You must specify a value for roleArn and roleSessionName"));
    assertEquals("profile 'default' not found in the config or credentials file", reason(CredentialSource.PROFILE,
        "Profile file contained no credentials for profile 'default': ProfileFile(sections=[profiles], profiles=[])"));
    assertEquals("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        reason(CredentialSource.CONTAINER, "Cannot fetch credentials from container - neither "
            + "AWS_CONTAINER_CREDENTIALS_FULL_URI or AWS_CONTAINER_CREDENTIALS_RELATIVE_URI environment variables "
            + "are set."));
    assertEquals("AWS_EC2_METADATA_DISABLED=true", reason(CredentialSource.INSTANCE_PROFILE,
        "IMDS credentials have been disabled by environment variable or system property."));
    assertEquals("AWS_EC2_METADATA_DISABLED=true", reason(CredentialSource.INSTANCE_PROFILE,
        "AWS_EC2_METADATA_DISABLED is set to true, not loading credentials from EC2 Instance Metadata service"));
  }

  @Test
  void networkFailuresAreNamedFromTheCause() {
    assertEquals("IMDS did not answer in time", FailureReasons.describe(CredentialSource.INSTANCE_PROFILE,
        new IllegalStateException("Failed to load credentials from IMDS.", new SocketTimeoutException("Read timed"))));
    assertEquals("container credentials endpoint refused the connection", FailureReasons.describe(
        CredentialSource.CONTAINER, new RuntimeException("x", new ConnectException("Connection refused"))));
    // Through a proxy the SDK's message names the proxy's address, not STS: the source says who was called.
    RuntimeException refused = new IllegalStateException("Unable to execute HTTP request: Connect to 127.0.0.1:3128 "
        + "[/127.0.0.1] failed: Connection refused", new ConnectException("Connection refused"));
    assertEquals("STS refused the connection", FailureReasons.describe(CredentialSource.WEB_IDENTITY, refused));
    assertEquals("STS refused the connection", FailureReasons.describe(CredentialSource.ASSUME_ROLE, refused));
  }

  @Test
  void unknownMessagesAreCutToTheirFirstSentenceWithoutKeyMaterial() {
    assertEquals("Something new went wrong", reason(CredentialSource.PROCESS,
        "Something new went wrong. Then a long explanation follows here."));
    String withKey = reason(CredentialSource.PROCESS, "Command printed wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    assertFalse(withKey.contains("wJalrXUtnFEMI"), withKey);
    assertTrue(reason(CredentialSource.PROCESS, "x".repeat(500)).length() <= 160);
  }
}
