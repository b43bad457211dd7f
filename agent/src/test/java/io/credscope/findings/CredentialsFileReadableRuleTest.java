package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.credscope.credentials.AccessKeyId;
import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.events.Finding;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileReadableRuleTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path home;

  private final CredentialsFileReadableRule rule = new CredentialsFileReadableRule();

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  private Path credentials(String mode) throws IOException {
    Path file = Files.writeString(home.resolve("credentials"), "[default]\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private static Winner profileKeys(Path file) {
    return Winner.of(Sdk.V2, CredentialSource.PROFILE, "ProfileCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), true).withProfileKeys("default", List.of(file.toString()));
  }

  @Test
  void aFileEveryoneCanRead() throws IOException {
    Path file = credentials("rw-r--r--");
    List<Finding> findings = rule.evaluate(profileKeys(file), List.of(), NOW);
    assertEquals(1, findings.size());
    Finding finding = findings.get(0);
    assertEquals("CREDENTIALS_FILE_READABLE", finding.id());
    assertEquals(Finding.Severity.MEDIUM, finding.severity());
    assertEquals(file + " holds the keys of profile 'default' (AKIA\u2026MPLE) and is readable by its group and "
        + "others (rw-r--r--)", finding.summary());
    assertEquals("chmod 600 " + file, finding.remedy());
    assertEquals(Map.of("file", file.toString(), "permissions", "rw-r--r--", "profile", "default"),
        finding.evidence());
  }

  @Test
  void groupOrOthersAlone() throws IOException {
    String group = rule.evaluate(profileKeys(credentials("rw-r-----")), List.of(), NOW).get(0).summary();
    assertTrue(group.endsWith(" is readable by its group (rw-r-----)"), group);
    String others = rule.evaluate(profileKeys(credentials("rw----r--")), List.of(), NOW).get(0).summary();
    assertTrue(others.endsWith(" is readable by others (rw----r--)"), others);
  }

  @Test
  void anOwnerOnlyFileIsFine() throws IOException {
    assertEquals(List.of(), rule.evaluate(profileKeys(credentials("rw-------")), List.of(), NOW));
    // Writable by the group is another matter; this rule is about who can read the keys.
    assertEquals(List.of(), rule.evaluate(profileKeys(credentials("rw--w----")), List.of(), NOW));
  }

  @Test
  void onlyKeysFromAProfileFile() throws IOException {
    credentials("rw-r--r--");
    Winner environment = Winner.of(Sdk.V2, CredentialSource.ENVIRONMENT, "EnvironmentVariableCredentialsProvider",
        AccessKeyId.of("AKIAIOSFODNN7EXAMPLE"), true);
    assertEquals(List.of(), rule.evaluate(environment, List.of(), NOW));
    assertEquals(List.of(), rule.evaluate(profileKeys(home.resolve("gone")), List.of(), NOW));
  }
}
