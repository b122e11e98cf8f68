package org.collapsefarm.jobs.simulate;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.text.TextMetric;

/**
 * Table names and schemas of the simulate stage (DESIGN.md "Results layout"; the contract columns
 * keep their names there). Metric columns take {@link Metric#column()}: {@code final_<metric>} in
 * {@code runs}; {@code <metric>_mean}, {@code _sd}, {@code _sum}, {@code _sum_sq} in {@code
 * generation_stats}. A model family's measurements (MATH.md §7; {@link FamilySpec#COLUMNS}) are
 * columns of their own, named the same way, null for the categorical runs — whose metric columns are
 * null for a family's runs; {@code family} says which. Text runs (MATH.md §8) have the categorical
 * metrics of their unigram distribution and their {@link TextMetric}s, with {@code corpus} and
 * {@code order}; their probes and sample documents go to tables of their own.
 */
public final class Tables {
  public static final String CONTEXTS = "contexts";
  public static final String CELLS = "cells";
  public static final String RUNS = "runs";
  public static final String GENERATION_STATS = "generation_stats";
  public static final String TRAJECTORIES = "trajectories";
  /** The trajectories column holding p^(m) itself (null for contexts with a large support). */
  public static final String PROBS = "probs";
  /** Per-chunk partial sums of generation_stats (internal, under {@code _chunks/}). */
  public static final String GENERATION_PARTIALS = "generation_partials";
  /** Text probes p^(m)(w | x) per (group, generation, probe) (MATH.md §8). */
  public static final String PROBES = "probes";
  /** Per-chunk partial sums of probes (internal, under {@code _chunks/}). */
  public static final String PROBE_PARTIALS = "probe_partials";
  /** Sample documents of text runs (replicate 0 of each text group). */
  public static final String SAMPLES = "samples";

  public static final StructType CONTEXTS_SCHEMA =
      new StructType()
          .add("context_id", StringType, false)
          .add("vocabulary", IntegerType, true)
          .add("support", IntegerType, true)
          .add("s0", DoubleType, true)
          .add("entropy", DoubleType, true)
          .add("tokens", createArrayType(IntegerType, false), true)
          .add("probs", createArrayType(DoubleType, false), true)
          .add("source", StringType, false)
          // Model families (MATH.md §7): categorical contexts have the family "categorical" and nulls here.
          .add("family", StringType, false)
          .add("dimension", IntegerType, true)
          .add("mean", DoubleType, true)
          .add("variance", DoubleType, true)
          .add("estimator", StringType, true)
          .add("rate_0", DoubleType, true)
          // Text (MATH.md §8): a corpus at an n-gram order; null for the other families.
          .add("corpus", StringType, true)
          .add("order", IntegerType, true)
          .add("train_documents", LongType, true)
          .add("train_tokens", LongType, true)
          .add("validation_documents", LongType, true)
          .add("validation_tokens", LongType, true)
          .add("untrained_cross_entropy", DoubleType, true);

  public static final StructType CELLS_SCHEMA =
      new StructType()
          .add("cell_id", StringType, false)
          .add("group_id", StringType, false)
          .add("context_id", StringType, false)
          .add("paradigm", StringType, false)
          .add("n", IntegerType, false)
          .add("real_n", IntegerType, false)
          .add("window", IntegerType, false)
          .add("allocation", StringType, false)
          .add("rate", DoubleType, false)
          .add("pool", StringType, false)
          .add("source", StringType, false)
          .add("temperature", DoubleType, false)
          .add("top_p", DoubleType, false)
          .add("smoothing", DoubleType, false)
          .add("collapse_epsilon", DoubleType, false)
          .add("real_anchor", IntegerType, false)
          .add("replicate", IntegerType, false)
          .add("seed", LongType, false)
          .add("max_generations", IntegerType, false)
          .add("estimated_cost", DoubleType, false)
          .add("chunk", IntegerType, false)
          .add("family", StringType, false)
          .add("estimator", StringType, true)
          .add("dimension", IntegerType, true)
          .add("corpus", StringType, true)
          .add("order", IntegerType, true)
          .add("max_length", IntegerType, true);

  /** The suffix of a family measurement's Σx³ column (partials and generation_stats): for the skewness. */
  public static final String SUM_CUBE = "_sum_cube";

  public static final StructType RUNS_SCHEMA = runsSchema();
  public static final StructType PARTIALS_SCHEMA = partialsSchema();
  public static final StructType TRAJECTORIES_SCHEMA = trajectoriesSchema();

  /** {@link #PROBES}: mean and sd of p^(m)(w | x) over the runs where x is alive (null when none). */
  public static final StructType PROBES_SCHEMA =
      new StructType()
          .add("group_id", StringType, false)
          .add("generation", IntegerType, false)
          .add("probe", StringType, false)
          .add("word", StringType, false)
          .add("runs", LongType, false)
          .add("runs_alive", LongType, false)
          .add("mean", DoubleType, true)
          .add("sd", DoubleType, true)
          .add("collapsed_fraction", DoubleType, false)
          // The martingale residual c_m(h, w) − c_m(h)·p^(m−1)(w | h) (MATH.md §8), over the runs where it
          // applies (fully synthetic without knobs, |x| = k − 1, m ≥ 1): 0 runs and null elsewhere.
          .add("residual_runs", LongType, false)
          .add("residual_mean", DoubleType, true)
          .add("residual_sd", DoubleType, true)
          .add("residual_sum", DoubleType, false)
          .add("residual_sum_sq", DoubleType, false);

  public static final StructType PROBE_PARTIALS_SCHEMA =
      new StructType()
          .add("group_id", StringType, false)
          .add("generation", IntegerType, false)
          .add("probe", StringType, false)
          .add("word", StringType, false)
          .add("runs", LongType, false)
          .add("runs_alive", LongType, false)
          .add("sum", DoubleType, false)
          .add("sum_sq", DoubleType, false)
          .add("collapsed", LongType, false)
          .add("residual_runs", LongType, false)
          .add("residual_sum", DoubleType, false)
          .add("residual_sum_sq", DoubleType, false);

  public static final StructType SAMPLES_SCHEMA =
      new StructType()
          .add("group_id", StringType, false)
          .add("cell_id", StringType, false)
          .add("generation", IntegerType, false)
          .add("document", IntegerType, false)
          .add("text", StringType, false);

  private Tables() {}

  private static StructType runsSchema() {
    List<StructField> fields = new ArrayList<>();
    StructType head =
        new StructType()
            .add("cell_id", StringType, false)
            .add("group_id", StringType, false)
            .add("context_id", StringType, false)
            .add("paradigm", StringType, false)
            .add("n", IntegerType, false)
            .add("replicate", IntegerType, false)
            .add("seed", LongType, false)
            .add("collapse_time", IntegerType, true)
            .add("censored", BooleanType, false)
            .add("absorbing_token", IntegerType, true)
            .add("generations_run", IntegerType, false)
            .add("max_generations", IntegerType, false);
    fields.addAll(List.of(head.fields()));
    for (Metric metric : Metric.values()) {
      // null for the runs of a model family
      fields.add(new StructField("final_" + metric.column(), DoubleType, true, org.apache.spark.sql.types.Metadata.empty()));
    }
    StructType tail =
        new StructType()
            .add("lambda1", DoubleType, false)
            .add("token_generations", LongType, false)
            .add("elapsed_ns", LongType, false)
            .add("family", StringType, false);
    fields.addAll(List.of(tail.fields()));
    for (String column : FamilySpec.COLUMNS) {
      fields.add(new StructField("final_" + column, DoubleType, true, org.apache.spark.sql.types.Metadata.empty()));
    }
    fields.add(new StructField("corpus", StringType, true, org.apache.spark.sql.types.Metadata.empty()));
    fields.add(new StructField("order", IntegerType, true, org.apache.spark.sql.types.Metadata.empty()));
    for (TextMetric metric : TextMetric.values()) {
      fields.add(new StructField("final_" + metric.column(), DoubleType, true, org.apache.spark.sql.types.Metadata.empty()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  private static StructType partialsSchema() {
    StructType s =
        new StructType()
            .add("group_id", StringType, false)
            .add("generation", IntegerType, false)
            .add("runs", LongType, false)
            .add("collapsed", LongType, false)
            .add("collapsed_by", LongType, false);
    for (Metric metric : Metric.values()) {
      s = s.add(sumColumn(metric), DoubleType, true).add(sumSqColumn(metric), DoubleType, true);
    }
    for (String column : FamilySpec.COLUMNS) {
      s = s.add(column + "_sum", DoubleType, true).add(column + "_sum_sq", DoubleType, true)
          .add(column + SUM_CUBE, DoubleType, true);
    }
    for (TextMetric metric : TextMetric.values()) {
      s = s.add(metric.column() + "_sum", DoubleType, true).add(metric.column() + "_sum_sq", DoubleType, true);
    }
    return s;
  }

  private static StructType trajectoriesSchema() {
    StructType s =
        new StructType()
            .add("cell_id", StringType, false)
            .add("group_id", StringType, false)
            .add("generation", IntegerType, false)
            .add("collapsed", BooleanType, false);
    for (Metric metric : Metric.values()) {
      s = s.add(metric.column(), DoubleType, true); // null for a model family's runs
    }
    // p^(m) at the tokens of contexts.tokens, for small supports only (TrajectoryRecorder.PROBS_MAX_SUPPORT).
    s = s.add(PROBS, createArrayType(DoubleType, false), true);
    for (String column : FamilySpec.COLUMNS) {
      s = s.add(column, DoubleType, true); // a model family's measurements, as in generation_stats
    }
    return s;
  }

  public static String sumColumn(Metric metric) {
    return metric.column() + "_sum";
  }

  public static String sumSqColumn(Metric metric) {
    return metric.column() + "_sum_sq";
  }

  public static String meanColumn(Metric metric) {
    return metric.column() + "_mean";
  }

  public static String sdColumn(Metric metric) {
    return metric.column() + "_sd";
  }
}
