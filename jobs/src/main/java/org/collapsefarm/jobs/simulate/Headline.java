package org.collapsefarm.jobs.simulate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;

/**
 * The few numbers printed at the end of a run, per group: runs, collapsed fraction and the collapse
 * time. With censored runs the plain mean of T is not estimable from the sample, so the line gives
 * the restricted mean E[min(T, M)] and says so (MATH.md §5).
 */
public final class Headline {
  /** Groups listed in full; the rest are counted. */
  public static final int MAX_GROUPS = 20;

  private Headline() {}

  /** One line per group (in sweep order, at most {@link #MAX_GROUPS}), read from the runs table. */
  public static List<String> lines(Sweep sweep, Dataset<Row> runsTable) {
    Map<String, Row> byGroup = new HashMap<>();
    Row[] rows =
        (Row[])
            runsTable
                .groupBy("group_id")
                .agg(
                    count("*").as("runs"),
                    sum(when(col("censored"), 1).otherwise(0)).as("censored"),
                    avg(when(col("censored"), col("max_generations")).otherwise(col("collapse_time")))
                        .as("restricted_mean"),
                    stddev_samp(when(col("censored"), col("max_generations")).otherwise(col("collapse_time")))
                        .as("sd"))
                .collect();
    for (Row row : rows) {
      byGroup.put(row.getString(0), row);
    }
    Map<String, String> sources = new HashMap<>();
    for (ContextEntry c : sweep.contexts()) {
      sources.put(c.contextId(), c.context().source());
    }
    sweep.models().forEach(m -> sources.put(m.contextId(), m.spec().source()));
    List<String> out = new ArrayList<>();
    int shown = 0;
    for (Group group : sweep.groups()) {
      if (shown == MAX_GROUPS) {
        out.add(String.format(Locale.ROOT, "  … and %d more groups", sweep.groups().size() - shown));
        break;
      }
      Row row = byGroup.get(group.groupId());
      if (row != null) {
        out.add(line(group, sources.get(group.contextId()), row, sweep.maxGenerations()));
        shown++;
      }
    }
    return out;
  }

  /** The group's canonical parameters, without the mitigation knobs when they are all neutral. */
  static String label(Group group) {
    String canonical = group.spec().canonical();
    int knobs = canonical.indexOf(";temperature=");
    boolean neutral = group.spec().isPlain() && group.spec().collapseEpsilon() == 0.0;
    return neutral && knobs > 0 ? canonical.substring(0, knobs) : canonical;
  }

  private static String line(Group group, String source, Row row, int maxGenerations) {
    long runs = row.getLong(1);
    long censored = row.getLong(2);
    double mean = row.getDouble(3);
    double se = row.isNullAt(4) ? Double.NaN : row.getDouble(4) / Math.sqrt(runs);
    String t =
        censored == 0
            ? String.format(Locale.ROOT, "mean T = %.4g ± %.2g (se)", mean, se)
            : String.format(
                Locale.ROOT,
                "restricted mean E[min(T, M=%d)] = %.4g ± %.2g (se); %d censored",
                maxGenerations, mean, se, censored);
    return String.format(
        Locale.ROOT,
        "  %s  %s | %s: %d runs, collapsed %.1f%%, %s",
        group.groupId(), label(group), source, runs,
        100.0 * (runs - censored) / runs, t);
  }
}
