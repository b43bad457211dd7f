package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import java.util.List;
import org.junit.jupiter.api.Test;

class WinnerTest {

  @Test
  void theFirstAvailableSourceOfAChainCameThroughIt() {
    Winner winner = Chains.v2().profileKeys("dev", "AKIAIOSFODNN7EXAMPLE", "/home/app/.aws/credentials")
        .instanceRole("r").winner();
    assertEquals(Sdk.V2, winner.sdk());
    assertEquals(CredentialSource.PROFILE, winner.source());
    assertEquals("ProfileCredentialsProvider", winner.provider());
    assertTrue(winner.viaDefaultChain());
    assertEquals("dev", winner.profile());
    assertEquals(List.of("/home/app/.aws/credentials"), winner.keyFiles());
    assertNull(winner.location());
  }

  @Test
  void withersKeepTheRest() {
    Winner winner = Winner.of(Sdk.V1, CredentialSource.STATIC, "AWSStaticCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), false).withLocation("com.example.App.main(App.java:7)");
    assertEquals("com.example.App.main(App.java:7)", winner.location());
    assertEquals("AKIAIOSFODNN7EXAMPLE", winner.key().value());
    assertFalse(winner.viaDefaultChain());
    assertFalse(winner.toString().contains("AKIAIOSFODNN7EXAMPLE"), winner.toString());
  }
}
