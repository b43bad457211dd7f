package io.credscope.cli;

import io.credscope.events.Finding;
import io.credscope.probe.ImdsClient;
import io.credscope.probe.SourceAvailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The doctor's report for people, in the spirit of {@code aws configure list}: per SDK, one line per source in chain
 * order with its status ({@code wins}, {@code shadowed} or {@code no}) and where it comes from or why not, then the
 * findings with their fixes.
 */
final class DoctorTable {

  private static final String NL = System.lineSeparator();
  private static final String[] HEADER = {"#", "source", "status", "where from / why not"};

  private DoctorTable() {
  }

  static String render(DoctorReport report, boolean mask) {
    StringBuilder text = new StringBuilder("credscope doctor: the credentials this host offers each AWS SDK's default "
        + "chain (IMDS timeout " + ImdsClient.duration(report.timeoutMillis) + ")").append(NL);
    for (DoctorReport.Chain chain : report.chains) {
      text.append(NL).append("AWS SDK ").append(chain.sdk.sdk()).append(" (").append(chain.sdk.chainClass())
          .append(')').append(NL);
      List<String[]> rows = new ArrayList<String[]>();
      rows.add(HEADER);
      for (int i = 0; i < chain.sources.size(); i++) {
        SourceAvailability source = chain.sources.get(i);
        rows.add(new String[] {String.valueOf(i + 1), source.source().id(), status(chain, i), detail(source, mask)});
      }
      table(text, rows);
      text.append("  => ").append(verdict(chain, mask)).append(NL);
    }
    List<Finding> findings = report.findings();
    text.append(NL).append(findings.isEmpty() ? "Findings: none" : "Findings:").append(NL);
    for (Finding finding : findings) {
      String severity = String.format(Locale.ROOT, "%-8s", finding.severity().id());
      text.append("  ").append(severity).append(finding.id()).append(" (").append(finding.sdk()).append("): ")
          .append(finding.summary()).append(NL)
          .append("  ").append(String.format(Locale.ROOT, "%-8s", "")).append("fix: ").append(finding.remedy())
          .append(NL);
    }
    if (report.gates()) {
      text.append(NL).append("Exit code ").append(Doctor.FINDINGS)
          .append(": a finding of severity high or above applies.").append(NL);
    }
    return text.toString();
  }

  private static String status(DoctorReport.Chain chain, int index) {
    if (index == chain.winner) {
      return "wins";
    }
    return chain.winner >= 0 && index > chain.winner && chain.sources.get(index).available() ? "shadowed" : "no";
  }

  private static String detail(SourceAvailability source, boolean mask) {
    if (!source.available()) {
      return source.reason();
    }
    return source.origin() + (source.key() == null ? ""
        : "; " + source.key().type().id() + " key " + source.key().display(mask));
  }

  private static String verdict(DoctorReport.Chain chain, boolean mask) {
    if (chain.winner < 0) {
      return "no source is available: the chain would fail to find credentials";
    }
    SourceAvailability winner = chain.sources.get(chain.winner);
    StringBuilder verdict = new StringBuilder(winner.source().id()).append(" wins (").append(winner.provider());
    if (winner.key() != null) {
      verdict.append(", ").append(winner.key().type().id()).append(" key ").append(winner.key().display(mask));
    }
    verdict.append(')');
    List<SourceAvailability> shadowed = chain.shadowed();
    if (shadowed.isEmpty()) {
      return verdict.append(" and shadows nothing").toString();
    }
    verdict.append(" and shadows ");
    for (int i = 0; i < shadowed.size(); i++) {
      verdict.append(i == 0 ? "" : ", ").append(shadowed.get(i).source().id());
    }
    return verdict.toString();
  }

  /** Left-aligned columns, two spaces apart; the last column is not padded. */
  private static void table(StringBuilder text, List<String[]> rows) {
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int column = 0; column < row.length; column++) {
        line.append(' ').append(column == row.length - 1 ? row[column] : pad(row[column], widths[column] + 1));
      }
      text.append(line).append(NL);
    }
  }

  private static String pad(String value, int width) {
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < width) {
      padded.append(' ');
    }
    return padded.toString();
  }
}
