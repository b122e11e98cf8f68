package org.collapsefarm.jobs.compare;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.stats.CollapseTimeRow;

/**
 * The tables of the compare stage (DESIGN.md "Results layout").
 *
 * <p>{@code comparison}: one row per (group, check) — the contract columns {@code group_id,
 * check_name, empirical, ci_low, ci_high, theory, kind, verdict, tightness, detail}, then the farm's
 * {@code generation} (where the numbers are from), {@code z_score}, {@code comparisons} (the
 * Bonferroni family size) and {@code source}.
 *
 * <p>{@code collapse_times}: the distribution of T per group in a long layout, one row per
 * (group, statistic, generation or quantile): {@code statistic} is {@code runs}, {@code censored},
 * {@code histogram} (generation..generation_high, value = count of collapsed runs), {@code km_survival}
 * (generation = k, value = Kaplan–Meier P(T > k) at the generations where the Theorem 1 bounds are
 * evaluated, se = Greenwood), {@code quantile} (probability = q, value = the KM quantile, NaN beyond
 * the cap), {@code restricted_mean} (generation = M, value = E[min(T, M)], labelled so) and
 * {@code mean} (the plain mean of T, present only when no run is censored).
 */
public final class CompareTables {
  public static final String COMPARISON = "comparison";
  public static final String COLLAPSE_TIMES = "collapse_times";

  public static final StructType COMPARISON_SCHEMA =
      new StructType()
          .add("group_id", StringType, false)
          .add("check_name", StringType, false)
          .add("empirical", DoubleType, false)
          .add("ci_low", DoubleType, false)
          .add("ci_high", DoubleType, false)
          .add("theory", DoubleType, false)
          .add("kind", StringType, false)
          .add("verdict", StringType, false)
          .add("tightness", DoubleType, false)
          .add("detail", StringType, false)
          .add("generation", IntegerType, true)
          .add("z_score", DoubleType, true)
          .add("comparisons", IntegerType, false)
          .add("source", StringType, false);

  public static final StructType COLLAPSE_TIMES_SCHEMA =
      new StructType()
          .add("group_id", StringType, false)
          .add("statistic", StringType, false)
          .add("generation", IntegerType, true)
          .add("generation_high", IntegerType, true)
          .add("probability", DoubleType, true)
          .add("value", DoubleType, false)
          .add("se", DoubleType, false);

  private CompareTables() {}

  public static Row row(ComparisonRow r) {
    return RowFactory.create(r.groupId(), r.checkName(), r.empirical(), r.ciLow(), r.ciHigh(), r.theory(), r.kind(),
        r.verdict(), r.tightness(), r.detail(), r.generation(), r.zScore(), r.comparisons(), r.source());
  }

  public static Row row(String groupId, CollapseTimeRow r) {
    return RowFactory.create(groupId, r.statistic(), r.generation(), r.generationHigh(), r.probability(), r.value(),
        r.se());
  }
}
