package org.collapsefarm.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.compare.CompareTables;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.theory.TheoryTable;

/**
 * Everything the report draws, collected to the driver from the tables only (DESIGN.md "Results
 * layout"): group descriptions, the per-generation means and spreads, the runs' collapse times,
 * the theory rows, the collapse-time distribution and the verdicts. Every table is small here —
 * O(groups × generation grid) — except {@code runs}, which is aggregated per group by Spark first.
 * Tables a stage has not written yet ({@code theory}, {@code comparison}, {@code collapse_times})
 * come back empty, and the report says what is missing instead of failing.
 */
public record ReportData(
    Map<String, GroupInfo> groups,
    Map<String, List<GenerationPoint>> generations,
    Map<String, CollapseSummary> collapse,
    Map<String, List<TheoryPoint>> theory,
    Map<String, List<TimeRow>> collapseTimes,
    List<Verdict> verdicts,
    Map<String, SimplexData> simplex,
    boolean hasTrajectories,
    boolean hasTheory,
    boolean hasComparison) {

  /** The generations whose models the simplex figure may show: 0 and the 1–2–5 sequence. */
  static final List<Integer> SIMPLEX_GENERATIONS = simplexGenerations();
  /** Recorded runs per group drawn on the simplex. */
  static final int SIMPLEX_RUNS = 200;

  /** A group: everything but the replicate (DESIGN.md), with the columns the figures split on. */
  public record GroupInfo(String groupId, String contextId, String context, int vocabulary, int support,
      double s0, String paradigm, int n, int window, String allocation, String source, double rate, String pool,
      String label, String knobs, boolean plainKnobs) {}

  /** One row of {@code generation_stats}: the mean and sd over runs of σ, ‖p^(m)−p^(1)‖₁, ‖p^(m)−p^(0)‖₁. */
  public record GenerationPoint(int generation, long runs, double collapsedFraction, double sigmaMean,
      double sigmaSd, double l1P1Mean, double l1P1Sd, double l1P0Mean, double l1P0Sd, double l1P0Sum) {}

  /**
   * The recorded models p^(m) of a three-token group ({@code trajectories.probs}) at {@link
   * #SIMPLEX_GENERATIONS}: {@code tokens} are the vertices (contexts.tokens), {@code p0} the start.
   */
  public record SimplexData(int[] tokens, double[] p0, List<ModelPoint> points) {}

  /** One recorded model: the cell, the generation and p^(m) at the three tokens. */
  public record ModelPoint(String cellId, int generation, double[] probs) {}

  /** The collapse times of a group's runs: the plain mean of T and its standard error, or censoring. */
  public record CollapseSummary(long runs, long censored, double meanT, double seT) {}

  /** One row of {@code theory}; {@code generation} is null for scalars such as {@code ET_lower}. */
  public record TheoryPoint(Integer generation, String quantity, double value) {}

  /** One row of {@code collapse_times} (CompareTables' long layout). */
  public record TimeRow(String statistic, Integer generation, Integer generationHigh, double value, double se) {}

  /** One row of {@code comparison}. */
  public record Verdict(String groupId, String checkName, Integer generation, double empirical, double ciLow,
      double ciHigh, double theory, String kind, String verdict, String detail) {}

  /** Reads the tables of {@code folder}. */
  public static ReportData load(SparkSession spark, ResultsFolder folder) {
    Map<String, GroupInfo> groups = groups(spark, folder);
    boolean hasTheory = exists(folder, TheoryTable.NAME);
    boolean hasComparison = exists(folder, CompareTables.COMPARISON);
    boolean hasTrajectories = exists(folder, Tables.TRAJECTORIES);
    return new ReportData(groups, generations(spark, folder), collapse(spark, folder),
        hasTheory ? theory(spark, folder) : Map.of(),
        exists(folder, CompareTables.COLLAPSE_TIMES) ? collapseTimes(spark, folder) : Map.of(),
        hasComparison ? verdicts(spark, folder) : List.of(),
        hasTrajectories ? simplex(spark, folder) : Map.of(), hasTrajectories, hasTheory, hasComparison);
  }

  /** The theory rows of a group named {@code quantity}, by generation. */
  public List<TheoryPoint> theory(String groupId, String quantity) {
    return theory.getOrDefault(groupId, List.of()).stream().filter(t -> t.quantity().equals(quantity)).toList();
  }

  /** A scalar theory value of a group (a row with no generation), if the theory stage wrote one. */
  public Optional<Double> scalar(String groupId, String quantity) {
    return theory(groupId, quantity).stream().filter(t -> t.generation() == null).map(TheoryPoint::value)
        .filter(Double::isFinite).findFirst();
  }

  private static boolean exists(ResultsFolder folder, String table) {
    return new TableStore(folder).exists(table);
  }

  private static Dataset<Row> read(SparkSession spark, ResultsFolder folder, String table) {
    return new TableStore(folder).read(spark, table);
  }

  private static Map<String, GroupInfo> groups(SparkSession spark, ResultsFolder folder) {
    Dataset<Row> cells = read(spark, folder, Tables.CELLS).dropDuplicates("group_id");
    Dataset<Row> contexts = categorical(read(spark, folder, Tables.CONTEXTS))
        .select(col("context_id"), col("vocabulary"), col("support").as("context_support"), col("s0"),
            col("source").as("context"));
    Map<String, GroupInfo> out = new LinkedHashMap<>();
    List<Row> rows = cells.join(contexts, "context_id")
        .orderBy("context", "paradigm", "n", "real_n", "window", "rate", "pool", "temperature", "top_p",
            "smoothing", "real_anchor", "group_id")
        .collectAsList();
    for (Row r : rows) {
      GroupInfo g = new GroupInfo(r.getAs("group_id"), r.getAs("context_id"), r.getAs("context"),
          r.<Integer>getAs("vocabulary"), r.<Integer>getAs("context_support"), r.<Double>getAs("s0"),
          r.getAs("paradigm"), r.<Integer>getAs("n"), r.<Integer>getAs("window"), r.getAs("allocation"),
          r.getAs("source"), r.<Double>getAs("rate"), r.getAs("pool"), GroupLabels.label(r), GroupLabels.knobs(r),
          GroupLabels.plainKnobs(r));
      out.put(g.groupId(), g);
    }
    return out;
  }

  /**
   * The contexts with a token distribution (categorical, and text's unigram one): the figures here are
   * of σ_m, T and the simplex, which a Gaussian or Poisson model (MATH.md §7) has none of — its
   * vocabulary is null.
   */
  private static Dataset<Row> categorical(Dataset<Row> contexts) {
    return contexts.where(col("vocabulary").isNotNull());
  }

  private static Map<String, List<GenerationPoint>> generations(SparkSession spark, ResultsFolder folder) {
    List<Row> rows = read(spark, folder, Tables.GENERATION_STATS)
        .select("group_id", "generation", "runs", "collapsed_fraction", "sigma_mean", "sigma_sd", "l1_p1_mean",
            "l1_p1_sd", "l1_p0_mean", "l1_p0_sd", "l1_p0_sum")
        .orderBy("group_id", "generation").collectAsList();
    Map<String, List<GenerationPoint>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new GenerationPoint(r.getInt(1),
          ((Number) r.get(2)).longValue(), dbl(r, 3), dbl(r, 4), dbl(r, 5), dbl(r, 6), dbl(r, 7), dbl(r, 8),
          dbl(r, 9), dbl(r, 10)));
    }
    return out;
  }

  /**
   * The simplex points: for every group whose context has support 3, the recorded models at {@link
   * #SIMPLEX_GENERATIONS} (a trajectories table written before the {@code probs} column has none).
   */
  private static Map<String, SimplexData> simplex(SparkSession spark, ResultsFolder folder) {
    Dataset<Row> trajectories = read(spark, folder, Tables.TRAJECTORIES);
    if (!List.of(trajectories.columns()).contains(Tables.PROBS)) {
      return Map.of();
    }
    Dataset<Row> contexts = read(spark, folder, Tables.CONTEXTS).filter(col("support").equalTo(3))
        .select(col("context_id"), col("tokens"), col("probs").as("p0"));
    Dataset<Row> groups = read(spark, folder, Tables.CELLS).select("group_id", "context_id").distinct()
        .join(contexts, "context_id");
    // At most SIMPLEX_RUNS runs per group (the first by cell_id): enough to see the cloud, and a bounded
    // collect when a sweep records every run (record.trajectories = all).
    Dataset<Row> shownCells = trajectories.select("group_id", "cell_id").distinct()
        .withColumn("rank", row_number().over(Window.partitionBy("group_id").orderBy("cell_id")))
        .filter(col("rank").leq(SIMPLEX_RUNS)).drop("rank");
    List<Row> rows = trajectories.filter(col("generation").isin(SIMPLEX_GENERATIONS.toArray())
            .and(col(Tables.PROBS).isNotNull()))
        .select("group_id", "cell_id", "generation", Tables.PROBS)
        .join(shownCells, new String[] {"group_id", "cell_id"})
        .join(groups, "group_id")
        .orderBy("group_id", "generation", "cell_id").collectAsList();
    Map<String, SimplexData> out = new LinkedHashMap<>();
    for (Row r : rows) {
      SimplexData d = out.computeIfAbsent(r.getAs("group_id"), k -> new SimplexData(
          r.<Integer>getList(r.fieldIndex("tokens")).stream().mapToInt(Integer::intValue).toArray(),
          doubles(r.getList(r.fieldIndex("p0"))), new ArrayList<>()));
      d.points().add(new ModelPoint(r.getAs("cell_id"), r.<Integer>getAs("generation"),
          doubles(r.getList(r.fieldIndex(Tables.PROBS)))));
    }
    return out;
  }

  private static double[] doubles(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Integer> simplexGenerations() {
    List<Integer> out = new ArrayList<>(List.of(0));
    for (long decade = 1; decade <= 1_000_000_000L; decade *= 10) {
      for (int f : new int[] {1, 2, 5}) {
        out.add((int) (f * decade));
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, CollapseSummary> collapse(SparkSession spark, ResultsFolder folder) {
    read(spark, folder, Tables.RUNS).createOrReplaceTempView("report_runs");
    List<Row> rows = spark.sql("SELECT group_id, count(*), count_if(censored), avg(collapse_time),"
        + " stddev_samp(collapse_time) / sqrt(count(collapse_time)) FROM report_runs GROUP BY group_id")
        .collectAsList();
    spark.catalog().dropTempView("report_runs");
    Map<String, CollapseSummary> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.put(r.getString(0), new CollapseSummary(r.getLong(1), r.getLong(2), dbl(r, 3), dbl(r, 4)));
    }
    return out;
  }

  private static Map<String, List<TheoryPoint>> theory(SparkSession spark, ResultsFolder folder) {
    List<Row> rows = read(spark, folder, TheoryTable.NAME).select("group_id", "generation", "quantity", "value")
        .collectAsList();
    Map<String, List<TheoryPoint>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(new TheoryPoint(r.isNullAt(1) ? null : r.getInt(1), r.getString(2), r.getDouble(3)));
    }
    out.values().forEach(list -> list.sort(
        Comparator.comparing(TheoryPoint::generation, Comparator.nullsFirst(Comparator.naturalOrder()))));
    return out;
  }

  private static Map<String, List<TimeRow>> collapseTimes(SparkSession spark, ResultsFolder folder) {
    List<Row> rows = read(spark, folder, CompareTables.COLLAPSE_TIMES)
        .select("group_id", "statistic", "generation", "generation_high", "value", "se")
        .orderBy("group_id", "statistic", "generation").collectAsList();
    Map<String, List<TimeRow>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new TimeRow(r.getString(1),
          r.isNullAt(2) ? null : r.getInt(2), r.isNullAt(3) ? null : r.getInt(3), r.getDouble(4), r.getDouble(5)));
    }
    return out;
  }

  private static List<Verdict> verdicts(SparkSession spark, ResultsFolder folder) {
    List<Row> rows = read(spark, folder, CompareTables.COMPARISON)
        .select("group_id", "check_name", "generation", "empirical", "ci_low", "ci_high", "theory", "kind",
            "verdict", "detail")
        .orderBy("check_name", "verdict", "group_id", "generation").collectAsList();
    List<Verdict> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new Verdict(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2), r.getDouble(3),
          r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getString(7), r.getString(8), r.getString(9)));
    }
    return out;
  }

  private static double dbl(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
  }
}
