package org.collapsefarm.jobs.text;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.text.TextMetric;

/**
 * The tables of a text sweep (DESIGN.md, "Model families beyond the categorical context"): the
 * categorical tables' columns, plus {@code family} ({@code text}), {@code corpus} and {@code order},
 * and the {@link TextMetric} columns; and the {@code probes} and {@code samples} tables.
 */
final class TextTables {
  static final String PROBES = "probes";
  static final String SAMPLES = "samples";
  static final String FAMILY = "text";

  // Tables' schemas carry the family column (and the Gaussian and Poisson parameters, null here).
  static final StructType CONTEXTS_SCHEMA = Tables.CONTEXTS_SCHEMA
      .add("corpus", StringType, false)
      .add("order", IntegerType, false)
      .add("train_documents", LongType, false)
      .add("train_tokens", LongType, false)
      .add("validation_documents", LongType, false)
      .add("validation_tokens", LongType, false)
      .add("untrained_cross_entropy", DoubleType, false);

  static final StructType CELLS_SCHEMA = Tables.CELLS_SCHEMA
      .add("corpus", StringType, false)
      .add("order", IntegerType, false)
      .add("max_length", IntegerType, false);

  static final StructType RUNS_SCHEMA = runs();
  static final StructType GENERATION_STATS_SCHEMA = generationStats();

  static final StructType PROBES_SCHEMA = new StructType()
      .add("group_id", StringType, false)
      .add("generation", IntegerType, false)
      .add("probe", StringType, false)
      .add("word", StringType, false)
      .add("runs", LongType, false)
      .add("runs_alive", LongType, false)
      .add("mean", DoubleType, true)
      .add("sd", DoubleType, true)
      .add("collapsed_fraction", DoubleType, false);

  static final StructType SAMPLES_SCHEMA = new StructType()
      .add("group_id", StringType, false)
      .add("cell_id", StringType, false)
      .add("generation", IntegerType, false)
      .add("document", IntegerType, false)
      .add("text", StringType, false);

  private TextTables() {}

  private static StructType runs() {
    StructType s = Tables.RUNS_SCHEMA
        .add("corpus", StringType, false)
        .add("order", IntegerType, false);
    for (TextMetric m : TextMetric.values()) {
      s = s.add("final_" + m.column(), DoubleType, false);
    }
    return s;
  }

  private static StructType generationStats() {
    StructType s = new StructType()
        .add("group_id", StringType, false)
        .add("generation", IntegerType, false)
        .add("runs", LongType, false)
        .add("collapsed_by", LongType, false)
        .add("collapsed_fraction", DoubleType, false)
        .add("collapsed", LongType, false)
        .add("dirac_fraction", DoubleType, false);
    for (Metric m : Metric.values()) {
      s = moments(s, m.column());
    }
    for (TextMetric m : TextMetric.values()) {
      s = moments(s, m.column());
    }
    return s;
  }

  private static StructType moments(StructType s, String column) {
    return s.add(column + "_mean", DoubleType, true)
        .add(column + "_sd", DoubleType, true)
        .add(column + "_sum", DoubleType, false)
        .add(column + "_sum_sq", DoubleType, false);
  }

}
