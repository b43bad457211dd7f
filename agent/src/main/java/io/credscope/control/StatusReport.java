package io.credscope.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Finding;
import io.credscope.http.CallCount;
import io.credscope.http.ErrorCount;
import io.credscope.http.HttpCallRecorder;
import io.credscope.recorder.CredentialsRecorder;
import io.credscope.recorder.Resolution;
import io.credscope.retry.ApiRetryCount;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code status} shows: what the credscope in this JVM has seen so far. Each identity with its masked key, source,
 * provider, first caller and resolutions; the findings; and the AWS calls, throttles and retries counted. The same
 * numbers the end-of-run summary will give, read now.
 */
final class StatusReport {

  private final Session.Facts facts;
  private final boolean mask;
  private final List<CredentialsResolved> identities;
  private final Map<String, Long> resolutions = new HashMap<String, Long>();
  private final List<Finding> findings;
  private final long unkept;
  private final List<CallCount> calls;
  private final List<ErrorCount> errors;
  private final List<ErrorCount> throttles;
  private final List<ApiRetryCount> retries;

  StatusReport(Session.Facts facts, boolean mask, StatusWatch watch, CredentialsRecorder recorder,
      HttpCallRecorder http) {
    this.facts = facts;
    this.mask = mask;
    this.identities = watch.identities();
    this.findings = watch.findings();
    this.unkept = watch.unkept();
    if (recorder != null) {
      for (Resolution resolution : recorder.resolutions()) {
        resolutions.put(StatusWatch.identity(resolution.sdk().id(), resolution.source().id(), resolution.provider(),
            resolution.key().value()), resolution.count());
      }
    }
    this.calls = http == null ? Collections.<CallCount>emptyList() : http.callCounts();
    this.errors = http == null ? Collections.<ErrorCount>emptyList() : http.errorCounts();
    this.throttles = http == null ? Collections.<ErrorCount>emptyList() : http.throttleCounts();
    this.retries = http == null ? Collections.<ApiRetryCount>emptyList() : http.retries().counts();
  }

  private long resolutionsOf(CredentialsResolved identity) {
    Long count = resolutions.get(StatusWatch.identity(identity.sdk().id(), identity.source().id(),
        identity.provider(), identity.key().value()));
    return count == null ? 0 : count;
  }

  String json() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("version", facts.version);
      json.writeNumberField("pid", facts.pid);
      json.writeStringField("via", facts.via);
      json.writeStringField("since", facts.since.toString());
      if (facts.detachAt != null) {
        json.writeStringField("detachAt", facts.detachAt.toString());
      }
      if (facts.auditFile != null) {
        json.writeStringField("auditFile", facts.auditFile);
      }
      json.writeStringField("log", facts.logLevel);
      json.writeArrayFieldStart("identities");
      for (CredentialsResolved identity : identities) {
        json.writeStartObject();
        json.writeStringField("sdk", identity.sdk().id());
        json.writeStringField("source", identity.source().id());
        json.writeStringField("provider", identity.provider());
        json.writeStringField("key", identity.key().display(mask));
        json.writeStringField("keyType", identity.key().type().id());
        writeOptional(json, "chain", identity.chain());
        writeOptional(json, "firstCaller", identity.caller());
        json.writeStringField("firstSeen", identity.time().toString());
        json.writeNumberField("resolutions", resolutionsOf(identity));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (Finding finding : findings) {
        json.writeStartObject();
        json.writeStringField("id", finding.id());
        json.writeStringField("severity", finding.severity().id());
        writeOptional(json, "sdk", finding.sdk() == null ? null : finding.sdk().id());
        writeOptional(json, "source", finding.source() == null ? null : finding.source().id());
        writeOptional(json, "provider", finding.provider());
        writeOptional(json, "key", finding.key() == null ? null : finding.key().display(mask));
        json.writeStringField("summary", finding.summary());
        json.writeStringField("remedy", finding.remedy());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("calls");
      for (CallCount call : calls) {
        json.writeStartObject();
        json.writeStringField("service", call.service());
        writeOptional(json, "region", call.region());
        json.writeStringField("source", call.source());
        json.writeStringField("outcome", call.outcome().id());
        json.writeNumberField("count", call.count());
        json.writeEndObject();
      }
      json.writeEndArray();
      writeErrors(json, "errors", errors);
      writeErrors(json, "throttles", throttles);
      json.writeArrayFieldStart("retries");
      for (ApiRetryCount retry : retries) {
        json.writeStartObject();
        json.writeStringField("service", retry.service());
        json.writeStringField("operation", retry.operation());
        json.writeNumberField("attempts", retry.attempts());
        json.writeNumberField("throttled", retry.throttled());
        json.writeNumberField("retries", retry.retries());
        json.writeNumberField("recovered", retry.recovered());
        json.writeNumberField("gaveUp", retry.gaveUp());
        json.writeNumberField("sdkRetries", retry.sdkRetries());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeNumberField("unkept", unkept);
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("a string writer does not fail", e);
    }
    return text.toString();
  }

  private static void writeErrors(JsonGenerator json, String name, List<ErrorCount> counts) throws IOException {
    json.writeArrayFieldStart(name);
    for (ErrorCount count : counts) {
      json.writeStartObject();
      json.writeStringField("service", count.service());
      json.writeStringField("operation", count.operation());
      writeOptional(json, "code", count.code());
      json.writeNumberField("count", count.count());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  String text() {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append("credscope ").append(facts.version).append(" in JVM ").append(facts.pid).append(", ")
        .append(facts.via.equals(AgentState.VIA_ATTACH) ? "attached" : "started with -javaagent").append(" at ")
        .append(facts.since);
    if (facts.detachAt != null) {
      out.append(", detaches at ").append(facts.detachAt);
    }
    out.append(nl).append("output: ").append(facts.auditFile == null ? "no audit log" : "audit log " + facts.auditFile)
        .append(", lines at level ").append(facts.logLevel).append(" on the JVM's stderr").append(nl);
    out.append(nl).append("identities (").append(identities.size()).append("):").append(nl);
    if (identities.isEmpty()) {
      out.append("  none resolved yet").append(nl);
    }
    for (CredentialsResolved identity : identities) {
      out.append("  SDK ").append(identity.sdk().id()).append(' ').append(identity.source().id()).append(' ')
          .append(identity.provider()).append(' ').append(identity.key().display(mask)).append(" (")
          .append(identity.key().type().id()).append(')')
          .append(identity.chain() == null ? "" : " via " + identity.chain()).append(": ")
          .append(resolutionsOf(identity)).append(" resolutions").append(nl);
      if (identity.caller() != null) {
        out.append("    first used at ").append(identity.caller()).append(nl);
      }
    }
    out.append(nl).append("findings (").append(findings.size()).append("):").append(nl);
    if (findings.isEmpty()) {
      out.append("  none").append(nl);
    }
    for (Finding finding : findings) {
      out.append("  ").append(finding.severity().id()).append(' ').append(finding.id()).append(": ")
          .append(finding.summary()).append(nl);
    }
    out.append(nl).append("AWS calls:").append(nl);
    if (calls.isEmpty()) {
      out.append("  none seen").append(nl);
    }
    for (CallCount call : calls) {
      out.append("  ").append(call.service()).append(' ').append(call.region()).append(" with ").append(call.source())
          .append(" keys: ").append(call.count()).append(' ').append(call.outcome().id()).append(nl);
    }
    appendErrors(out, "errors", errors, nl);
    appendErrors(out, "throttles", throttles, nl);
    out.append("retries:").append(retries.isEmpty() ? " none" : "").append(nl);
    for (ApiRetryCount retry : retries) {
      out.append("  ").append(retry.service()).append(' ').append(retry.operation()).append(": ")
          .append(retry.attempts()).append(" attempts, ").append(retry.throttled()).append(" throttled, ")
          .append(retry.retries()).append(" retried by credscope (").append(retry.recovered()).append(" recovered, ")
          .append(retry.gaveUp()).append(" gave up), ").append(retry.sdkRetries()).append(" by the SDK").append(nl);
    }
    if (unkept > 0) {
      out.append(unkept).append(" more identities or findings were counted but not kept").append(nl);
    }
    return out.toString();
  }

  private static void appendErrors(StringBuilder out, String name, List<ErrorCount> counts, String nl) {
    out.append(name).append(':').append(counts.isEmpty() ? " none" : "").append(nl);
    for (ErrorCount count : counts) {
      out.append("  ").append(count.service()).append(' ').append(count.operation())
          .append(count.code() == null ? "" : " " + count.code()).append(": ").append(count.count()).append(nl);
    }
  }
}
