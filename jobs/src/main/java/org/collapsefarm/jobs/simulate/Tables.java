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

/**
 * Table names and schemas of the simulate stage (DESIGN.md "Results layout"; the contract columns
 * keep their names there). Metric columns take {@link Metric#column()}: {@code final_<metric>} in
 * {@code runs}; {@code <metric>_mean}, {@code _sd}, {@code _sum}, {@code _sum_sq} in {@code
 * generation_stats}. A model family's measurements (MATH.md §7; {@link FamilySpec#COLUMNS}) are
 * columns of their own, named the same way, null for the categorical runs — whose metric columns are
 * null for a family's runs; {@code family} says which.
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
          .add("rate_0", DoubleType, true);

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
          .add("dimension", IntegerType, true);

  public static final StructType RUNS_SCHEMA = runsSchema();
  public static final StructType PARTIALS_SCHEMA = partialsSchema();
  public static final StructType TRAJECTORIES_SCHEMA = trajectoriesSchema();

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
      s = s.add(column + "_sum", DoubleType, true).add(column + "_sum_sq", DoubleType, true);
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
