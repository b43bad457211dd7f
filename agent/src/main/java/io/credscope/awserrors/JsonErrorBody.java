package io.credscope.awserrors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the error code of a JSON error body with jackson-core's streaming parser: top-level {@code code}, else
 * top-level {@code __type}, the precedence botocore and the Smithy protocol tests use. Nested objects are skipped
 * whole, since an error's details may carry a {@code __type} of their own.
 */
final class JsonErrorBody {

  private static final String CODE = "code";
  private static final String TYPE = "__type";

  /**
   * Shared and thread-safe. Field names of untrusted bodies are not interned: they would fill the host JVM's
   * string table with whatever a server sends.
   */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

  private JsonErrorBody() {
  }

  /** The raw code, or null; a body cut short still gives a code that was complete before the cut. */
  static String code(byte[] body, int start, int end) {
    String type = null;
    JsonParser parser = null;
    try {
      parser = FACTORY.createParser(body, start, end - start);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          if (CODE.equals(name)) {
            return parser.getText();
          }
          if (type == null && TYPE.equals(name)) {
            type = parser.getText();
          }
        } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          parser.skipChildren();
        }
      }
      return type;
    } catch (IOException e) {
      // A truncated or broken body: keep what was read completely before the damage.
      return type;
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // Nothing to release for an in-memory source.
        }
      }
    }
  }
}
