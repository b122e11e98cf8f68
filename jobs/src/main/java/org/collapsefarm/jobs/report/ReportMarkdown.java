package org.collapsefarm.jobs.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.Verdict;

/**
 * The text of {@code report.md}: the verdict counts per check, the violated rows, then every figure
 * under its kind's heading with the key to its marks, and a line for each kind that was skipped.
 */
final class ReportMarkdown {
  /** The comparison verdicts in the order the table shows them (DESIGN.md "comparison"). */
  static final List<String> VERDICTS = List.of("consistent", "holds", "violated", "vacuous", "not-applicable");
  /** Violated rows listed in full; the rest are counted (the comparison table has them all). */
  static final int VIOLATED_ROWS = 100;

  private ReportMarkdown() {}

  static String render(String sweepName, String root, ReportData data, List<Figure> figures,
      Map<FigureKind, String> skipped) {
    StringBuilder md = new StringBuilder();
    md.append("# Report: ").append(sweepName).append("\n\n");
    md.append("Results: `").append(root).append("` — ").append(data.groups().size()).append(" groups. ")
        .append("Figures are drawn from the tables only; PNG and SVG of each are in `figures/`.\n\n");
    verdicts(md, data);
    md.append("## Figures\n\n");
    for (FigureKind kind : FigureKind.values()) {
      md.append("### ").append(kind.heading()).append("\n\n");
      List<Figure> ofKind = figures.stream().filter(f -> f.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        md.append("_Not drawn: ").append(skipped.getOrDefault(kind, "no data for it in this sweep.")).append("_\n\n");
        continue;
      }
      md.append(kind.key()).append("\n\n");
      for (Figure f : ofKind) {
        md.append("![").append(escape(f.title())).append("](figures/").append(f.stem()).append(".png)\n\n")
            .append(f.caption()).append(" ([SVG](figures/").append(f.stem()).append(".svg))\n\n");
      }
    }
    return md.toString();
  }

  private static void verdicts(StringBuilder md, ReportData data) {
    md.append("## Verdicts\n\n");
    if (!data.hasComparison()) {
      md.append("_The comparison table is missing: run `farm compare` (or `farm run`) first._\n\n");
      return;
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    Set<String> extra = new TreeSet<>();
    for (Verdict v : data.verdicts()) {
      counts.computeIfAbsent(v.checkName(), k -> new TreeMap<>()).merge(v.verdict(), 1, Integer::sum);
      if (!VERDICTS.contains(v.verdict())) {
        extra.add(v.verdict());
      }
    }
    List<String> columns = new java.util.ArrayList<>(VERDICTS);
    columns.addAll(extra);
    md.append("Rows of the `comparison` table per check and verdict (MATH.md §5).\n\n");
    md.append("| check |");
    columns.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n|---|");
    columns.forEach(c -> md.append("---:|"));
    md.append('\n');
    counts.forEach((check, byVerdict) -> {
      md.append("| ").append(check).append(" |");
      columns.forEach(c -> md.append(' ').append(byVerdict.getOrDefault(c, 0)).append(" |"));
      md.append('\n');
    });
    List<Verdict> violated = data.verdicts().stream().filter(v -> v.verdict().equals("violated")).toList();
    md.append("\n### Violated rows\n\n");
    if (violated.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append("| group | check | m | empirical [95% CI] | theory | kind | detail |\n|---|---|---:|---|---:|---|---|\n");
    for (Verdict v : violated.subList(0, Math.min(violated.size(), VIOLATED_ROWS))) {
      GroupInfo g = data.groups().get(v.groupId());
      String group = g == null ? v.groupId() : g.label() + " · " + g.context() + " (`" + v.groupId() + "`)";
      md.append("| ").append(escape(group)).append(" | ").append(v.checkName()).append(" | ")
          .append(v.generation() == null ? "" : v.generation()).append(" | ")
          .append(String.format("%.5g [%.5g, %.5g]", v.empirical(), v.ciLow(), v.ciHigh())).append(" | ")
          .append(String.format("%.5g", v.theory())).append(" | ").append(v.kind()).append(" | ")
          .append(escape(v.detail())).append(" |\n");
    }
    if (violated.size() > VIOLATED_ROWS) {
      md.append("\n… and ").append(violated.size() - VIOLATED_ROWS)
          .append(" more: `farm sql \"SELECT * FROM comparison WHERE verdict = 'violated'\"`.\n");
    }
    md.append('\n');
  }

  /** Table cells and image titles must not break the Markdown: pipes and brackets escaped, one line. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
        .replaceAll("[\\r\\n]+", " ");
  }
}
