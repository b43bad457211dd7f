package io.credscope.reporting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.credscope.events.AwsCall;
import io.credscope.events.AwsError;
import io.credscope.events.CallIdentity;
import io.credscope.events.RetryRecord;
import io.credscope.events.CredentialsChainFailed;
import io.credscope.events.CredentialsResolved;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.ProviderFailure;
import io.credscope.profiles.ProfileDetails;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Lines audit log: one self-contained object per line, for machines. Every record has
 * {@code v}, {@code ts}, {@code pid} and {@code event}. The file is opened on the first record, created
 * readable by its owner only, and appended to, in UTF-8, and flushed per record so that a crash loses
 * nothing already observed.
 */
final class AuditLog implements EventSink {

  static final int FORMAT_VERSION = 1;
  /** {@code 0600}: the log names keys, roles and code locations, which are its owner's business. */
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final File file;
  private final boolean maskKeys;
  private final long pid;
  private final JsonFactory json = new JsonFactory();
  private Writer out;
  private boolean broken;
  /** Set by the summary: nothing is written after it, not even by a reporter thread that outlived the exit's wait. */
  private boolean finished;

  AuditLog(File file, boolean maskKeys, long pid) {
    this.file = file;
    this.maskKeys = maskKeys;
    this.pid = pid;
  }

  /** Synchronised with {@link #finish}, which runs on the exit thread while the reporter's may still deliver. */
  @Override
  public synchronized void accept(Event event) {
    if (event instanceof CredentialsResolved) {
      CredentialsResolved resolved = (CredentialsResolved) event;
      write(event, record -> {
        record.writeStringField("sdk", resolved.sdk().id());
        record.writeStringField("source", resolved.source().id());
        record.writeStringField("provider", resolved.provider());
        record.writeStringField("key", resolved.key().display(maskKeys));
        writeOptional(record, "keyHash", KeyHash.of(resolved.key()));
        record.writeStringField("keyType", resolved.key().type().id());
        writeOptional(record, "account", resolved.key().account());
        writeOptional(record, "arn", resolved.configuredRoleArn());
        writeOptional(record, "chain", resolved.chain());
        writeOptional(record, "caller", resolved.caller());
        writeOptional(record, "builtAt", resolved.buildSite() == null ? null : resolved.buildSite().location());
        if (resolved.profile() != null) {
          writeProfile(record, resolved.profile());
        }
        if (resolved.expiration() != null) {
          record.writeStringField("expiration", resolved.expiration().toString());
        }
        if (resolved.sdkProviderName() != null) {
          record.writeStringField("sdkProviderName", resolved.sdkProviderName());
          writeOptional(record, "sdkSource", resolved.sdkSource() == null ? null : resolved.sdkSource().id());
        }
        if (!resolved.skipped().isEmpty()) {
          writeProviders(record, "skipped", resolved.skipped());
        }
      });
    } else if (event instanceof Finding) {
      Finding finding = (Finding) event;
      write(event, record -> {
        record.writeStringField("id", finding.id());
        record.writeStringField("severity", finding.severity().id());
        // An IMDS finding may name no SDK and no key; a presigned URL's key may come from no source seen.
        writeOptional(record, "sdk", finding.sdk() == null ? null : finding.sdk().id());
        writeOptional(record, "source", finding.source() == null ? null : finding.source().id());
        writeOptional(record, "provider", finding.provider());
        writeOptional(record, "key", finding.key() == null ? null : finding.key().display(maskKeys));
        writeOptional(record, "keyHash", finding.key() == null ? null : KeyHash.of(finding.key()));
        writeOptional(record, "account", finding.key() == null ? null : finding.key().account());
        record.writeStringField("summary", finding.summary());
        for (Map.Entry<String, String> fact : finding.evidence().entrySet()) {
          record.writeStringField(fact.getKey(), fact.getValue());
        }
        record.writeStringField("remedy", finding.remedy());
      });
    } else if (event instanceof AwsCall) {
      AwsCall call = (AwsCall) event;
      write(event, record -> {
        writeIdentity(record, call.identity());
        writeOptional(record, "host", call.host());
        writeOptional(record, "method", call.method());
        record.writeStringField("library", call.library());
        if (call.presigned()) {
          record.writeBooleanField("presigned", true);
        }
        writeOptional(record, "caller", call.caller());
      });
    } else if (event instanceof AwsError) {
      AwsError error = (AwsError) event;
      write(event, record -> {
        writeIdentity(record, error.identity());
        record.writeStringField("operation", error.operation());
        writeOptional(record, "code", error.code());
        record.writeNumberField("status", error.status());
        record.writeBooleanField("throttling", error.throttling());
        writeOptional(record, "host", error.host());
        record.writeStringField("library", error.library());
        writeOptional(record, "caller", error.caller());
      });
    } else if (event instanceof RetryRecord) {
      RetryRecord retry = (RetryRecord) event;
      write(event, record -> {
        record.writeStringField("retrier", retry.retrier());
        writeIdentity(record, retry.identity());
        record.writeStringField("operation", retry.operation());
        writeOptional(record, "code", retry.code());
        record.writeNumberField("status", retry.status());
        record.writeNumberField(retry.type().equals(RetryRecord.RETRY) ? "attempt" : "attempts", retry.attempts());
        if (retry.maxAttempts() > 0) {
          record.writeNumberField("maxAttempts", retry.maxAttempts());
        }
        if (retry.type().equals(RetryRecord.RETRY)) {
          record.writeNumberField("delayMillis", retry.delayMillis());
          if (retry.ceilingMillis() >= 0) {
            record.writeNumberField("ceilingMillis", retry.ceilingMillis());
          } else {
            record.writeBooleanField("serverDelay", true);
          }
        } else if (retry.type().equals(RetryRecord.GAVE_UP)) {
          record.writeNumberField("totalDelayMillis", retry.totalDelayMillis());
        }
        writeOptional(record, "reason", retry.reason());
        record.writeStringField("library", retry.library());
      });
    } else if (event instanceof CredentialsChainFailed) {
      CredentialsChainFailed failed = (CredentialsChainFailed) event;
      write(event, record -> {
        record.writeStringField("sdk", failed.sdk().id());
        record.writeStringField("chain", failed.chain());
        writeProviders(record, "providers", failed.providers());
        writeOptional(record, "caller", failed.caller());
      });
    }
  }

  /** What every record of a call on the wire says first: which key signed, for what, and where it came from. */
  private void writeIdentity(JsonGenerator record, CallIdentity identity) throws IOException {
    record.writeStringField("service", identity.service());
    writeOptional(record, "region", identity.region());
    if (identity.key() != null) {
      record.writeStringField("key", identity.key().display(maskKeys));
      writeOptional(record, "keyHash", KeyHash.of(identity.key()));
      record.writeStringField("keyType", identity.key().type().id());
      writeOptional(record, "account", identity.key().account());
    }
    record.writeStringField("source", identity.sourceId());
    writeOptional(record, "sdk", identity.sdk() == null ? null : identity.sdk().id());
    writeOptional(record, "provider", identity.provider());
  }

  private static void writeProfile(JsonGenerator record, ProfileDetails profile) throws IOException {
    record.writeObjectFieldStart("profile");
    record.writeStringField("name", profile.name());
    writeOptional(record, "kind", profile.kind());
    record.writeArrayFieldStart("files");
    for (String file : profile.files()) {
      record.writeString(file);
    }
    record.writeEndArray();
    writeOptional(record, "roleArn", profile.roleArn());
    writeOptional(record, "sourceProfile", profile.sourceProfile());
    writeOptional(record, "credentialSource", profile.credentialSource());
    writeOptional(record, "problem", profile.problem());
    record.writeEndObject();
  }

  private static void writeProviders(JsonGenerator record, String name, List<ProviderFailure> providers)
      throws IOException {
    record.writeArrayFieldStart(name);
    for (ProviderFailure provider : providers) {
      record.writeStartObject();
      record.writeStringField("provider", provider.provider());
      record.writeStringField("source", provider.source().id());
      record.writeStringField("reason", provider.reason());
      record.writeEndObject();
    }
    record.writeEndArray();
  }

  @Override
  public synchronized void finish(RunSummary summary) {
    if (finished) {
      return;
    }
    write("summary", java.time.Instant.now(), record -> {
      record.writeArrayFieldStart("resolutions");
      for (RunSummary.Row row : summary.rows) {
        record.writeStartObject();
        record.writeStringField("sdk", row.sdk);
        record.writeStringField("source", row.source);
        record.writeStringField("provider", row.provider);
        record.writeStringField("key", row.key);
        writeOptional(record, "keyHash", row.keyHash);
        record.writeStringField("keyType", row.keyType);
        record.writeNumberField("count", row.resolutions);
        record.writeEndObject();
      }
      record.writeEndArray();
      record.writeArrayFieldStart("failures");
      for (RunSummary.FailureRow row : summary.failures) {
        record.writeStartObject();
        record.writeStringField("sdk", row.sdk);
        record.writeStringField("chain", row.chain);
        record.writeNumberField("count", row.count);
        record.writeEndObject();
      }
      record.writeEndArray();
      if (!summary.calls.isEmpty()) {
        record.writeArrayFieldStart("calls");
        for (RunSummary.CallRow row : summary.calls) {
          record.writeStartObject();
          record.writeStringField("service", row.service);
          record.writeStringField("region", row.region);
          record.writeStringField("source", row.source);
          record.writeStringField("outcome", row.outcome);
          record.writeNumberField("count", row.count);
          record.writeEndObject();
        }
        record.writeEndArray();
      }
      if (!summary.errors.isEmpty()) {
        writeErrorRows(record, "errors", summary.errors);
      }
      if (!summary.throttles.isEmpty()) {
        writeErrorRows(record, "throttles", summary.throttles);
      }
      if (!summary.retries.isEmpty()) {
        writeRetryRows(record, summary);
      }
      if (summary.imds != null) {
        record.writeObjectFieldStart("imds");
        record.writeNumberField("tokenRequests", summary.imds.tokenRequests());
        record.writeNumberField("failedTokenRequests", summary.imds.failedTokenRequests());
        record.writeNumberField("v2Reads", summary.imds.v2Reads());
        record.writeNumberField("v1Reads", summary.imds.v1Reads());
        record.writeEndObject();
      }
      record.writeNumberField("droppedEvents", summary.droppedEvents);
      record.writeNumberField("unrecordedResolutions", summary.unrecordedResolutions);
    });
    finished = true;
    close();
  }

  private static void writeErrorRows(JsonGenerator record, String name, List<RunSummary.ErrorRow> rows)
      throws IOException {
    record.writeArrayFieldStart(name);
    for (RunSummary.ErrorRow row : rows) {
      record.writeStartObject();
      record.writeStringField("service", row.service);
      record.writeStringField("operation", row.operation);
      writeOptional(record, "code", row.code);
      record.writeNumberField("count", row.count);
      record.writeEndObject();
    }
    record.writeEndArray();
  }

  private static void writeRetryRows(JsonGenerator record, RunSummary summary) throws IOException {
    record.writeArrayFieldStart("retries");
    for (RunSummary.RetryRow row : summary.retries) {
      record.writeStartObject();
      record.writeStringField("service", row.service);
      record.writeStringField("operation", row.operation);
      record.writeNumberField("attempts", row.attempts);
      record.writeNumberField("throttled", row.throttled);
      record.writeNumberField("peakAttemptsPerSecond", row.peakAttemptsPerSecond);
      record.writeNumberField("peakThrottledPerSecond", row.peakThrottledPerSecond);
      record.writeNumberField("throttledForMillis", row.throttledForMillis);
      if (row.limitPerSecond > 0) {
        record.writeNumberField("limitPerSecond", row.limitPerSecond);
        record.writeStringField("limitScope", row.limitScope);
      }
      record.writeNumberField("retries", row.retries);
      record.writeNumberField("recovered", row.recovered);
      record.writeNumberField("gaveUp", row.gaveUp);
      record.writeNumberField("budgetRefused", row.budgetRefused);
      record.writeNumberField("notReplayable", row.notReplayable);
      record.writeNumberField("delayMillis", row.delayMillis);
      record.writeNumberField("sdkRetries", row.sdkRetries);
      record.writeNumberField("sdkDelayMillis", row.sdkDelayMillis);
      record.writeNumberField("sdkGaveUp", row.sdkGaveUp);
      record.writeStringField("throttling", row.sustained ? "sustained" : "intermittent");
      record.writeEndObject();
    }
    record.writeEndArray();
    if (summary.budgetLevel >= 0) {
      record.writeNumberField("retryBudgetLeft", summary.budgetLevel);
    }
  }

  private interface Fields {
    void write(JsonGenerator record) throws IOException;
  }

  private void write(Event event, Fields fields) {
    write(event.type(), event.time(), fields);
  }

  private void write(String type, java.time.Instant time, Fields fields) {
    if (broken || finished) {
      return;
    }
    try {
      StringWriter line = new StringWriter(256);
      try (JsonGenerator record = json.createGenerator(line)) {
        record.writeStartObject();
        record.writeNumberField("v", FORMAT_VERSION);
        record.writeStringField("ts", time.toString());
        record.writeNumberField("pid", pid);
        record.writeStringField("event", type);
        fields.write(record);
        record.writeEndObject();
      }
      line.write('\n');
      open().write(line.toString());
      out.flush();
    } catch (IOException e) {
      broken = true;
      Diagnostics.error("cannot write the audit log " + file + " (" + e.getMessage() + "); audit records are off");
    }
  }

  private static void writeOptional(JsonGenerator record, String name, String value) throws IOException {
    if (value != null) {
      record.writeStringField(name, value);
    }
  }

  private Writer open() throws IOException {
    if (out == null) {
      File parent = file.getAbsoluteFile().getParentFile();
      if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
        throw new IOException("cannot create folder " + parent);
      }
      if (!createOwnerOnly(file.toPath())) {
        warnIfShared(file.toPath());
      }
      out = new OutputStreamWriter(new FileOutputStream(file, true), StandardCharsets.UTF_8);
    }
    return out;
  }

  /**
   * Creates the file readable and writable by its owner only, answering {@code false} when it already existed. On
   * POSIX the mode is given to the creating call itself, so the file is never readable by others for an instant,
   * whatever the umask (which can only take bits away). Elsewhere the owner-only bits are set after, as well as the
   * file system allows; nothing here fails the audit log.
   */
  private static boolean createOwnerOnly(Path path) throws IOException {
    try {
      if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        try {
          Files.createFile(path, OWNER_ONLY);
          return true;
        } catch (UnsupportedOperationException notPosixHere) {
          // A file system that says POSIX but refuses the mode at creation: created as below.
        }
      }
      Files.createFile(path);
    } catch (FileAlreadyExistsException exists) {
      return false;
    }
    File created = path.toFile();
    created.setReadable(false, false);
    created.setWritable(false, false);
    created.setReadable(true, true);
    created.setWritable(true, true);
    return true;
  }

  /** An existing file's mode is its owner's choice: left as it is, with one warning when others may read it. */
  private static void warnIfShared(Path path) {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
      if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
        Diagnostics.warn("the audit log " + path + " is readable by its group or others ("
            + PosixFilePermissions.toString(mode) + "); credscope leaves its mode as it is: chmod 600 it");
      }
    } catch (UnsupportedOperationException | IOException unknown) {
      // No POSIX mode to read: nothing to warn about.
    }
  }

  private void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // Nothing left to tell anyone at exit.
      }
      out = null;
    }
  }
}
