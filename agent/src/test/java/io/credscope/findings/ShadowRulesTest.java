package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules together: the exact set of finding ids per set-up, and none above info in the clean ones. */
class ShadowRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String LONG_TERM = "AKIAIOSFODNN7EXAMPLE";

  @TempDir
  Path home;

  private static List<String> ids(Winner winner, Chains host) {
    List<String> ids = new ArrayList<>();
    for (Finding finding : ShadowRules.evaluate(winner, host.list(), NOW)) {
      ids.add(finding.id());
    }
    return ids;
  }

  private static List<String> ids(Chains host) {
    return ids(host.winner(), host);
  }

  private Path ownerOnly(String name) throws IOException {
    Path file = Files.writeString(home.resolve(name), "[default]\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @Test
  void environmentKeysShadowingARoleInEitherSdk() {
    assertEquals(List.of("KEYS_SHADOW_ROLE", "LONG_TERM_KEY_WITH_ROLE"), ids(Chains.v2()
        .environment(LONG_TERM, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").instanceRole("demo-instance-role")));
    assertEquals(List.of("KEYS_SHADOW_ROLE", "LONG_TERM_KEY_WITH_ROLE"), ids(Chains.v1()
        .environment(LONG_TERM, "AWS_ACCESS_KEY_ID", "AWS_SECRET_KEY").instanceRole("demo-instance-role")));
  }

  @Test
  void aWorldReadableCredentialsFileOnALaptop() throws IOException {
    Path file = Files.writeString(home.resolve("credentials"), "[default]\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(List.of("CREDENTIALS_FILE_READABLE"),
        ids(Chains.v2().profileKeys("default", LONG_TERM, file.toString()).imdsUnreachable()));
  }

  @Test
  void cleanSetUpsHaveNoFinding() throws IOException {
    assertEquals(List.of(), ids(Chains.v2().instanceRole("demo-instance-role")), "role only");
    assertEquals(List.of(), ids(Chains.v1().instanceRole("demo-instance-role")), "role only, v1");
    assertEquals(List.of(), ids(Chains.v2().webIdentity()), "web identity only");
    assertEquals(List.of(), ids(Chains.v2().container()), "container only");
    assertEquals(List.of(), ids(Chains.v1().container()), "container only, v1");
    assertEquals(List.of(), ids(Chains.v2().profileKeys("default", LONG_TERM,
        ownerOnly("credentials").toString()).imdsUnreachable()), "profile on a laptop with no role around");
    assertEquals(List.of(), ids(Chains.v2().profileRole("sso-dev").imdsUnreachable()), "sso profile on a laptop");
    Winner staticKeys = Winner.of(Sdk.V2, CredentialSource.STATIC, "StaticCredentialsProvider",
        AccessKeyId.of(LONG_TERM), false).withLocation("com.example.App.client(App.java:42)");
    assertEquals(List.of(), ids(staticKeys, Chains.v2().imdsUnreachable()), "static keys, IMDS unreachable");
  }

  @Test
  void findingsCarryNoSecretAndShowTheKeyMasked() {
    Chains host = Chains.v2().environment(LONG_TERM, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").instanceRole("r");
    for (Finding finding : ShadowRules.evaluate(host.winner(), host.list(), NOW)) {
      String text = finding.summary() + finding.remedy() + finding.evidence() + finding;
      assertFalse(text.contains(LONG_TERM), text);
    }
  }
}
