package org.collapsefarm.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.Verdict;

/**
 * The short verdict list that {@code farm run} and {@code farm compare} end with (issue 4 item 5):
 * one line per (check, verdict) with the number of groups, and for every exact formula with a
 * {@code violated} verdict the worst-fitting group (largest {@code z_score}) with its parameters.
 */
public final class VerdictList {
  private VerdictList() {}

  public static List<String> lines(Sweep sweep, Dataset<Row> table) {
    List<String> lines = new ArrayList<>();
    lines.add("verdicts (check: verdict x groups; each check at family-wise alpha = 0.05 over its generations):");
    List<Row> counts = table.groupBy("check_name", "verdict").agg(count("*").as("groups"))
        .orderBy("check_name", "verdict").collectAsList();
    for (Row r : counts) {
      lines.add(String.format(Locale.ROOT, "  %-24s %-15s %6d group%s", r.getString(0), r.getString(1), r.getLong(2),
          r.getLong(2) == 1 ? "" : "s"));
    }
    Map<String, Group> groups = sweep.groups().stream().collect(Collectors.toMap(Group::groupId, g -> g));
    Map<String, String> sources = sweep.contexts().stream()
        .collect(Collectors.toMap(ContextEntry::contextId, c -> c.context().source()));
    sweep.models().forEach(m -> sources.put(m.contextId(), m.spec().source()));
    List<Row> violated = table
        .where(col("verdict").equalTo(Verdict.VIOLATED.word()).and(col("kind").equalTo(CheckKind.EXACT.word())))
        .select("check_name", "group_id", "z_score", "generation", "empirical", "theory")
        .orderBy(col("check_name"), col("z_score").desc_nulls_last(), col("group_id"))
        .collectAsList();
    String last = null;
    for (Row r : violated) {
      String check = r.getString(0);
      if (check.equals(last)) {
        continue; // the first row of a check is its worst (largest |z|)
      }
      last = check;
      Group g = groups.get(r.getString(1));
      String params = g == null ? "(not in this sweep)"
          : sources.get(g.contextId()) + " " + g.spec().canonical();
      lines.add(String.format(Locale.ROOT, "  worst %s: group %s, |z| = %s%s: empirical %.6g vs theory %.6g; %s",
          check, r.getString(1), r.isNullAt(2) ? "n/a" : String.format(Locale.ROOT, "%.3g", r.getDouble(2)),
          r.isNullAt(3) ? "" : " at m = " + r.getInt(3), r.getDouble(4), r.getDouble(5), params));
    }
    return lines;
  }
}
