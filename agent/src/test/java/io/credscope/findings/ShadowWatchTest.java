package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.CredentialsResolved;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowWatchTest {

  private static CredentialsResolved resolved(CredentialSource source, AccessKeyId key) {
    return new CredentialsResolved(Instant.now(), Sdk.V1, source, "x.SomeProvider", key, null, null, List.of(), null,
        null, null, null);
  }

  @Test
  void keysThatCanShadowARoleAreProbed() {
    assertTrue(ShadowWatch.worthProbing(resolved(CredentialSource.ENVIRONMENT, AccessKeyId.of("ASIAENVSESSION000001"))));
    assertTrue(ShadowWatch.worthProbing(resolved(CredentialSource.CUSTOM, AccessKeyId.of("AKIACUSTOMKEY0000001"))));
  }

  @Test
  void aRolesOwnSessionAndAnonymousCredentialsAreNot() {
    assertFalse(ShadowWatch.worthProbing(
        resolved(CredentialSource.INSTANCE_PROFILE, AccessKeyId.of("ASIAROLESESSION00001"))));
    assertFalse(ShadowWatch.worthProbing(resolved(CredentialSource.STATIC, AccessKeyId.NONE)));
  }

  @Test
  void winnersLongGoneAreJudgedAgainWhenTheyWinAgain() {
    ShadowWatch watch = new ShadowWatch(1000, finding -> { }, java.time.Clock.systemUTC());
    CredentialsResolved first = resolved(CredentialSource.STATIC, AccessKeyId.of("ASIASTATIC0000000000"));
    assertTrue(watch.firstSighting(first));
    assertFalse(watch.firstSighting(first), "judged once while it is remembered");
    for (int hour = 1; hour <= ShadowWatch.MAX_WINNERS; hour++) {
      assertTrue(watch.firstSighting(resolved(CredentialSource.STATIC,
          AccessKeyId.of(String.format("ASIASTATIC%010d", hour)))), "every fresh key is judged: " + hour);
    }
    assertTrue(watch.firstSighting(first), "forgotten after 64 newer winners, so judged again");
  }
}
