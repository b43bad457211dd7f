package io.credscope.findings;

import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CREDENTIALS_FILE_READABLE: a config or credentials file that supplied the winning keys can be read by its group or
 * by others. Reads the files' POSIX permission bits, not their contents; where the file system has no POSIX
 * permissions (Windows) there is nothing to judge, so no finding.
 */
final class CredentialsFileReadableRule implements WinnerRule {

  private static final FindingType TYPE = FindingType.CREDENTIALS_FILE_READABLE;
  private static final Set<PosixFilePermission> SHARED =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  @Override
  public List<Finding> evaluate(Winner winner, List<SourceAvailability> host, Instant now) {
    List<Finding> findings = new ArrayList<Finding>();
    for (String file : winner.keyFiles()) {
      Set<PosixFilePermission> permissions = permissions(file);
      if (permissions == null || Collections.disjoint(permissions, SHARED)) {
        continue;
      }
      String readers = permissions.containsAll(SHARED) ? "its group and others"
          : permissions.contains(PosixFilePermission.OTHERS_READ) ? "others" : "its group";
      String mode = PosixFilePermissions.toString(permissions);
      Map<String, String> evidence = new LinkedHashMap<String, String>();
      evidence.put("file", file);
      evidence.put("permissions", mode);
      evidence.put("profile", winner.profile());
      String key = winner.key() == null ? "" : " (" + winner.key().masked() + ")";
      findings.add(new Finding(now, TYPE.id(), TYPE.severity(), winner.sdk(), winner.source(), winner.provider(),
          winner.key(), file + " holds the keys of profile '" + winner.profile() + "'" + key + " and is readable by "
              + readers + " (" + mode + ")", "chmod 600 " + file, evidence));
    }
    return findings;
  }

  /** The file's permissions, or {@code null} when it has none to read. */
  private static Set<PosixFilePermission> permissions(String file) {
    try {
      Path path = Paths.get(file);
      PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
      return view == null ? null : view.readAttributes().permissions();
    } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
      return null;
    }
  }
}
