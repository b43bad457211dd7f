package io.credscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.credscope.events.Finding;
import io.credscope.probe.SourceAvailability;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** The doctor's report as one JSON document, for scripts and deployment gates. */
final class DoctorJson {

  static final int FORMAT_VERSION = 1;

  private DoctorJson() {
  }

  /** The document and a line end; the caller writes it out in UTF-8. */
  static String render(DoctorReport report, boolean mask, int exitCode) {
    StringWriter text = new StringWriter(4096);
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberField("v", FORMAT_VERSION);
      json.writeNumberField("timeoutMillis", report.timeoutMillis);
      json.writeArrayFieldStart("chains");
      for (DoctorReport.Chain chain : report.chains) {
        writeChain(json, chain, mask);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (Finding finding : report.findings()) {
        writeFinding(json, finding, mask);
      }
      json.writeEndArray();
      json.writeNumberField("exitCode", exitCode);
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("a StringWriter does not fail", e);
    }
    return text.append(System.lineSeparator()).toString();
  }

  private static void writeChain(JsonGenerator json, DoctorReport.Chain chain, boolean mask) throws IOException {
    json.writeStartObject();
    json.writeStringField("sdk", chain.sdk.sdk().id());
    json.writeStringField("chain", chain.sdk.chainClass());
    if (chain.winner >= 0) {
      json.writeStringField("winner", chain.sources.get(chain.winner).source().id());
    } else {
      json.writeNullField("winner");
    }
    json.writeArrayFieldStart("shadows");
    for (SourceAvailability shadowed : chain.shadowed()) {
      json.writeString(shadowed.source().id());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("sources");
    for (int i = 0; i < chain.sources.size(); i++) {
      writeSource(json, i, chain, mask);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeSource(JsonGenerator json, int index, DoctorReport.Chain chain, boolean mask)
      throws IOException {
    SourceAvailability source = chain.sources.get(index);
    json.writeStartObject();
    json.writeNumberField("order", index + 1);
    json.writeStringField("source", source.source().id());
    json.writeStringField("provider", source.provider());
    json.writeBooleanField("available", source.available());
    json.writeBooleanField("wins", index == chain.winner);
    if (source.available()) {
      json.writeStringField("from", source.origin());
    } else {
      json.writeStringField("reason", source.reason());
    }
    if (source.key() != null) {
      json.writeStringField("key", source.key().display(mask));
      json.writeStringField("keyType", source.key().type().id());
    }
    writeStrings(json, "settings", source.settingNames());
    if (source.role() != null) {
      json.writeStringField("role", source.role());
    }
    if (source.profile() != null) {
      json.writeStringField("profile", source.profile());
      writeStrings(json, "keyFiles", source.keyFiles());
    }
    json.writeEndObject();
  }

  private static void writeFinding(JsonGenerator json, Finding finding, boolean mask) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", finding.id());
    json.writeStringField("severity", finding.severity().id());
    json.writeStringField("sdk", finding.sdk().id());
    json.writeStringField("source", finding.source().id());
    json.writeStringField("provider", finding.provider());
    if (finding.key() != null) {
      json.writeStringField("key", finding.key().display(mask));
    }
    json.writeStringField("summary", finding.summary());
    json.writeStringField("remedy", finding.remedy());
    json.writeObjectFieldStart("evidence");
    for (Map.Entry<String, String> fact : finding.evidence().entrySet()) {
      json.writeStringField(fact.getKey(), fact.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
