package org.collapsefarm.jobs.compare;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.TextSweep;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.ExactFormulaCheck;
import org.collapsefarm.stats.Intervals;

/**
 * The martingale check of MATH.md §8 for text groups of any order k: under fully synthetic training
 * without knobs, each seen history's next-token distribution is a martingale —
 * {@code E[c_m(h, w) − c_m(h)·p^(m−1)(w | h) | generation m − 1] = 0} (Wald's identity: every visit to
 * h draws from p^(m−1)(· | h), and whether it happens is decided before the draw). One row per
 * (group, probe with |x| = k − 1): the mean residual over the runs at every generation m ≥ 1 of the
 * {@code probes} table against 0 ({@link ExactFormulaCheck}, Bonferroni over the generations; the
 * residual lies in [−n, n], the range of its SE = 0 rule). For k = 1 it is Mult(n, p^(m−1))'s mean.
 * A residual sums many visits' draws, so it is close to normal, while a text study has few runs (8 in
 * wang-text): the threshold is Student-t's with R − 1 degrees of freedom, where the normal z* rejected a
 * true martingale about a third of the time (ExactFormulaCheckTest measures both).
 */
final class TextMartingaleChecks {
  static final String SOURCE = "MATH.md §8 martingale: E[c_m(h,w) - c_m(h) p^(m-1)(w|h)] = 0 (Wald's identity)";

  private TextMartingaleChecks() {}

  /** The rows of every text group with a residual in the {@code probes} table (none without text). */
  static List<ComparisonRow> rows(SparkSession spark, Sweep sweep, TableStore tables) {
    List<ComparisonRow> out = new ArrayList<>();
    if (!sweep.isText() || !tables.exists(Tables.PROBES)) {
      return out;
    }
    Map<String, Integer> budget = new LinkedHashMap<>();
    for (TextSweep.Group g : sweep.text().groups()) {
      budget.put(g.groupId(), g.spec().n());
    }
    Map<String, List<ExactFormulaCheck.Point>> points = new LinkedHashMap<>();
    for (Row r : tables.read(spark, Tables.PROBES).where(col("residual_runs").gt(0))
        .select("group_id", "probe", "generation", "residual_runs", "residual_mean", "residual_sd")
        .orderBy("group_id", "probe", "generation").collectAsList()) {
      long runs = r.getLong(3);
      double se = r.isNullAt(5) ? 0 : r.getDouble(5) / Math.sqrt(runs);
      points.computeIfAbsent(r.getString(0) + "\t" + r.getString(1), k -> new ArrayList<>())
          .add(new ExactFormulaCheck.Point(r.getInt(2), r.getDouble(4), se, runs, 0.0));
    }
    for (Map.Entry<String, List<ExactFormulaCheck.Point>> e : points.entrySet()) {
      String[] key = e.getKey().split("\t", 2);
      Integer n = budget.get(key[0]);
      if (n == null) {
        continue;
      }
      List<ExactFormulaCheck.Point> ps = e.getValue();
      CheckResult r = ExactFormulaCheck.check(ps, 2.0 * n, Intervals.ALPHA, ExactFormulaCheck.Reference.STUDENT_T);
      ExactFormulaCheck.Point worst = ps.stream().filter(p -> p.mean() == r.empirical()).findFirst().orElse(null);
      Double z = worst != null && worst.se() > 0 ? Math.abs(worst.mean()) / worst.se() : null; // |t| there
      String detail = "mean over runs of c_m(h,w) - c_m(h) p^(m-1)(w|h) for the probe \"" + key[1]
          + "\" (probes table) vs 0 at every generation m >= 1; " + r.detail();
      out.add(ComparisonRow.of(key[0], "martingale " + key[1], SOURCE,
          new CheckResult(r.verdict(), r.kind(), r.empirical(), r.ciLow(), r.ciHigh(), r.theory(), r.tightness(), detail),
          worst == null ? null : worst.generation(), z, ps.size()));
    }
    return out;
  }
}
