package io.credscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.credscope.attach.AttachFailure;
import io.credscope.attach.Jvms;
import io.credscope.control.AgentState;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", sortOptions = false,
    header = "the local JVMs: PID, main class, AWS SDKs loaded, credscope active",
    description = {"Lists the local JVMs this user can attach to, as jps does, but about credentials: each one's "
        + "PID, main class or jar, Java version, which AWS SDK for Java lines it has loaded (v2, v1), and whether "
        + "credscope is active in it. It attaches to each briefly to ask; it loads nothing into any."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "11:this Java runtime has no jdk.attach module"})
final class ListCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--json", description = "print one JSON document instead of the table")
  boolean json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;

  ListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws AttachFailure, IOException {
    List<Jvms.Row> rows = Jvms.list();
    CliContext.print(context.out, json ? json(rows) : table(rows));
    return Cli.OK;
  }

  private static String table(List<Jvms.Row> rows) {
    String nl = System.lineSeparator();
    StringBuilder table = new StringBuilder(String.format("%-8s %-44s %-10s %-8s %s%n", "PID", "MAIN", "JAVA",
        "AWS SDK", "CREDSCOPE"));
    for (Jvms.Row row : rows) {
      table.append(String.format("%-8s %-44s %-10s %-8s %s", row.pid, row.main, row.java, row.sdks,
          row.failure != null ? "?" : credscope(row.credscope)));
      if (row.failure != null) {
        table.append("  (").append(row.failure).append(')');
      }
      table.append(nl);
    }
    if (rows.isEmpty()) {
      table.append("no other JVM of this user runs here").append(nl);
    }
    return table.toString();
  }

  private static String credscope(AgentState state) {
    if (state == null) {
      return "-";
    }
    return state.state() + " " + state.version() + (state.via() == null ? "" : " (" + state.via() + ")");
  }

  private static String json(List<Jvms.Row> rows) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("jvms");
      for (Jvms.Row row : rows) {
        json.writeStartObject();
        json.writeNumberField("pid", Long.parseLong(row.pid));
        json.writeStringField("main", row.main);
        json.writeStringField("java", row.java);
        if (row.sdks.equals("?")) {
          json.writeNullField("sdks");
        } else {
          json.writeArrayFieldStart("sdks");
          for (String sdk : row.sdks.equals("none") ? new String[0] : row.sdks.split(",")) {
            json.writeString(sdk);
          }
          json.writeEndArray();
        }
        if (row.credscope == null) {
          json.writeNullField("credscope");
        } else {
          json.writeObjectFieldStart("credscope");
          json.writeStringField("state", row.credscope.state());
          json.writeStringField("version", row.credscope.version());
          if (row.credscope.via() != null) {
            json.writeStringField("via", row.credscope.via());
          }
          json.writeEndObject();
        }
        if (row.failure != null) {
          json.writeStringField("error", row.failure);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return text + System.lineSeparator();
  }
}
