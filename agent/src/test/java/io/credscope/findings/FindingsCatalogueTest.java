package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's catalogue lists exactly the findings credscope can raise, each with its usual severity. */
class FindingsCatalogueTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\| ([a-z]+)[ ,|]", Pattern.MULTILINE);

  @Test
  void theReadmeCatalogueIsTheFindingTypes() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new TreeMap<>();
    Matcher row = ROW.matcher(readme);
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    Map<String, String> catalogue = new TreeMap<>();
    for (FindingType type : FindingType.values()) {
      catalogue.put(type.id(), type.severity().id());
    }
    assertEquals(catalogue, documented);
  }
}
