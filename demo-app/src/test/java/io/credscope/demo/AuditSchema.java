package io.credscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's audit-log schema, {@code audit-v1.schema.json}, as the end-to-end tests check every record against it:
 * a record the schema does not describe (a new field, a changed type, a value outside a closed set) fails the test
 * that wrote it, so the schema and the README's format promise cannot drift from what the agent writes.
 */
final class AuditSchema {

  private static final String PATH = System.getProperty("credscope.it.auditSchema",
      "../agent/src/main/resources/io/credscope/schema/audit-v1.schema.json");

  private AuditSchema() {
  }

  /**
   * Whether the build switched the check off ({@code credscope.it.auditSchema=off}): on the oldest SDK line, whose
   * Jackson 2.6 the validator cannot run on. The newest line checks the same agent's records.
   */
  static boolean off() {
    return PATH.equals("off");
  }

  /** Loaded at first use, so that a build that switched the check off never touches the validator. */
  private static final class Loaded {
    static final JsonSchema SCHEMA = load(PATH);
  }

  private static JsonSchema load(String path) {
    try {
      JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of(path)));
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit schema " + path, e);
    }
  }

  /** What the schema finds wrong with this record: empty when it conforms. */
  static Set<String> problems(JsonNode record) {
    Set<ValidationMessage> messages = Loaded.SCHEMA.validate(record);
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Fails unless the record conforms, naming each problem and the record. */
  static void check(JsonNode record) {
    if (off()) {
      return;
    }
    Set<String> problems = problems(record);
    if (!problems.isEmpty()) {
      throw new AssertionError("audit record does not match audit-v1.schema.json: " + problems + " in " + record);
    }
  }
}
