package org.collapsefarm.jobs.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.simulate.Tables;

/**
 * What the model-family figures draw (MATH.md §7), from the tables only: the groups of the
 * {@code sweep.models} entries — their model, the setting (paradigm, its parameters and knobs) and n
 * — and their per-generation means and sds of every family measurement ({@link FamilySpec#COLUMNS})
 * in {@code generation_stats}. Empty for a sweep without model families, and for tables written
 * before the family columns existed.
 *
 * @param groups the family groups by group_id, ordered by model, setting and n
 * @param generations each group's {@code generation_stats} rows, by generation
 */
record FamilyData(Map<String, FamilyGroup> groups, Map<String, List<FamilyPoint>> generations) {

  /**
   * A family group: everything but the replicate (DESIGN.md).
   *
   * @param model a short label of the model, e.g. {@code Gaussian d=3, mle} or {@code Poisson λ_0=1}
   * @param source the model's canonical text ({@code contexts.source})
   * @param setting the paradigm with its parameters and knobs, without n ({@link GroupLabels#setting})
   */
  record FamilyGroup(String groupId, String contextId, String family, int dimension, String model, String source,
      String setting, int n) {}

  /** One generation of a group: the runs, and the mean and sd over runs of each of {@link FamilySpec#COLUMNS}. */
  record FamilyPoint(int generation, long runs, double[] mean, double[] sd) {
    double mean(String column) {
      return mean[FamilySpec.COLUMNS.indexOf(column)];
    }

    double sd(String column) {
      return sd[FamilySpec.COLUMNS.indexOf(column)];
    }
  }

  static final FamilyData EMPTY = new FamilyData(Map.of(), Map.of());

  /** Reads the family groups and their generation_stats rows from {@code folder}. */
  static FamilyData load(SparkSession spark, ResultsFolder folder) {
    TableStore tables = new TableStore(folder);
    if (!tables.exists(Tables.CELLS)) {
      return EMPTY;
    }
    Dataset<Row> cells = tables.read(spark, Tables.CELLS);
    Dataset<Row> stats = tables.read(spark, Tables.GENERATION_STATS);
    List<String> statColumns = List.of(stats.columns());
    if (!List.of(cells.columns()).contains("family")
        || !FamilySpec.COLUMNS.stream().allMatch(c -> statColumns.contains(c + "_mean"))) {
      return EMPTY;
    }
    Dataset<Row> models = tables.read(spark, Tables.CONTEXTS)
        .select(col("context_id"), col("source").as("model_source"), col("dimension").as("model_dimension"),
            col("estimator").as("model_estimator"), col("rate_0"));
    List<Row> rows = cells.where(col("family").isin(FamilySpec.GAUSSIAN, FamilySpec.POISSON))
        .dropDuplicates("group_id").join(models, "context_id")
        .orderBy("family", "model_dimension", "model_estimator", "rate_0", "context_id", "paradigm", "real_n",
            "window", "rate", "pool", "real_anchor", "temperature", "top_p", "smoothing", "n", "group_id")
        .collectAsList();
    Map<String, FamilyGroup> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      String family = r.getAs("family");
      boolean gaussian = FamilySpec.GAUSSIAN.equals(family);
      int dimension = gaussian ? r.<Integer>getAs("model_dimension") : 0;
      String model = gaussian ? "Gaussian d=" + dimension + ", " + r.<String>getAs("model_estimator")
          : "Poisson λ_0=" + GroupLabels.number(r.<Double>getAs("rate_0"));
      groups.put(r.getAs("group_id"), new FamilyGroup(r.getAs("group_id"), r.getAs("context_id"), family, dimension,
          model, r.getAs("model_source"), GroupLabels.setting(r), r.<Integer>getAs("n")));
    }
    if (groups.isEmpty()) {
      return EMPTY;
    }
    List<Column> columns = new ArrayList<>(List.of(col("group_id"), col("generation"), col("runs")));
    for (String c : FamilySpec.COLUMNS) {
      columns.add(col(c + "_mean"));
      columns.add(col(c + "_sd"));
    }
    Map<String, List<FamilyPoint>> generations = new LinkedHashMap<>();
    int k = FamilySpec.COLUMNS.size();
    for (Row r : stats.where(col("group_id").isin(groups.keySet().toArray())).select(columns.toArray(Column[]::new))
        .orderBy("group_id", "generation").collectAsList()) {
      double[] mean = new double[k];
      double[] sd = new double[k];
      for (int i = 0; i < k; i++) {
        mean[i] = dbl(r, 3 + 2 * i);
        sd[i] = dbl(r, 4 + 2 * i);
      }
      generations.computeIfAbsent(r.getString(0), g -> new ArrayList<>())
          .add(new FamilyPoint(r.getInt(1), ((Number) r.get(2)).longValue(), mean, sd));
    }
    return new FamilyData(groups, generations);
  }

  List<FamilyPoint> points(FamilyGroup g) {
    return generations.getOrDefault(g.groupId(), List.of());
  }

  private static double dbl(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
  }
}
