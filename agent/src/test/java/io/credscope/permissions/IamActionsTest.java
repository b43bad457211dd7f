package io.credscope.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IamActionsTest {

  /** Where CI puts the shared corpora, relative to the agent module's working directory. */
  private static final Path ACTIONS = Path.of("../../shared/corpora/iam-actions/actions.tsv");

  private final IamActions table = IamActions.load();

  /**
   * The shipped table is what derive-iam-actions.py makes of the corpus: rederived here by the same rule, every
   * action answers for its own name, and every documented operation without an action of its name maps to the
   * actions that document it. A table edited by hand, or left behind by a newer corpus, fails here.
   */
  @Test
  void theTableIsTheCorpusDerivedByTheRule() throws IOException {
    Map<String, Set<String>> actions = new TreeMap<>();
    Map<String, Map<String, Set<String>>> linked = new TreeMap<>();
    for (String line : Files.readAllLines(ACTIONS, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      String prefix = columns[0].substring(0, columns[0].indexOf(':'));
      String name = columns[0].substring(prefix.length() + 1);
      actions.computeIfAbsent(prefix, p -> new TreeSet<>()).add(name);
      if (!columns[1].isEmpty()) {
        linked.computeIfAbsent(prefix, p -> new TreeMap<>()).computeIfAbsent(columns[1], o -> new TreeSet<>())
            .add(name);
      }
    }
    int checked = 0;
    for (Map.Entry<String, Set<String>> service : actions.entrySet()) {
      String prefix = service.getKey();
      for (String name : service.getValue()) {
        assertEquals(List.of(prefix + ':' + name), table.of(prefix, name), prefix + ':' + name);
        checked++;
      }
      for (Map.Entry<String, Set<String>> operation : linked.getOrDefault(prefix, Map.of()).entrySet()) {
        if (!service.getValue().contains(operation.getKey())) {
          List<String> expected = new ArrayList<>();
          for (String name : operation.getValue()) {
            expected.add(prefix + ':' + name);
          }
          assertEquals(expected, table.of(prefix, operation.getKey()), prefix + " " + operation.getKey());
          checked++;
        }
      }
    }
    assertEquals(15943 + 71, checked, "SOURCES.md: 15,943 actions; 71 operations documented by differently named ones");
  }

  @Test
  void operationsWhoseActionIsNamedOtherwise() {
    assertEquals(List.of("s3:ListBucket"), table.of("s3", "ListObjectsV2"));
    assertEquals(List.of("s3:ListAllMyBuckets"), table.of("s3", "ListBuckets"));
    assertEquals(List.of("lambda:InvokeFunction"), table.of("lambda", "Invoke"));
    assertEquals(List.of("kms:ReEncryptFrom", "kms:ReEncryptTo"), table.of("kms", "ReEncrypt"));
    assertEquals(List.of("dynamodb:GetItem"), table.of("dynamodb", "GetItem"));
  }

  @Test
  void servicesSigningUnderAnotherNameUseTheirIamPrefix() {
    assertEquals(List.of("cloudwatch:PutMetricData"), table.of("monitoring", "PutMetricData"));
    assertEquals(List.of("ses:SendEmail"), table.of("email", "SendEmail"));
  }

  @Test
  void anUnknownServiceOrOperationMapsToNothing() {
    assertTrue(table.of("no-such-service", "GetItem").isEmpty());
    assertTrue(table.of("dynamodb", "NoSuchOperation").isEmpty());
  }
}
