package org.collapsefarm.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.context.Context;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.ModelEntry;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.io.MissingInputException;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.text.TextTheoryGroups;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.theory.TheoryTable;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.stats.CollapseTimeRow;
import org.collapsefarm.stats.CollapseTimes;
import org.collapsefarm.theory.TheoryRow;
import org.collapsefarm.theory.TheoryRows;
import scala.Tuple2;
import scala.Tuple4;

/**
 * The compare stage (issue 4 items 3–4): for every group, the {@code runs}, the
 * {@code generation_stats} at the theory grid's generations and the {@code theory} rows are brought
 * together on an executor ({@code cogroup} by group id — a group's data is small, a sweep's is not)
 * and judged by {@link GroupComparison} (a model family's by {@link FamilyComparison}); the same pass writes the censoring-aware distribution of T
 * ({@link CollapseTimes}) as {@code collapse_times}. Both tables are written atomically and replaced
 * whole on a re-run; they are a function of the input tables only (every group's inputs are sorted
 * before any sum), so a re-run gives the same rows.
 */
public final class CompareJob {
  /** Equal-width bins of the collapse-time histogram on [1, M]. */
  public static final int HISTOGRAM_BINS = 50;

  /** What the stage wrote. */
  public record Outcome(ResultsFolder folder, long groups, long comparisonRows, long collapseTimeRows) {}

  /** A group's context (or model family's model, the other null) and spec, shipped to the executors. */
  record GroupSpec(Context context, FamilySpec model, ParadigmSpec spec) implements Serializable {}

  /** One generation_stats row: the categorical moments and the model families' (NaN where null). */
  record Moments(GenerationMoments categorical, FamilyMoments family) implements Serializable {}

  /** One group's output rows of both tables. */
  record GroupOutput(List<ComparisonRow> comparison, List<Row> collapseTimes) implements Serializable {}

  private CompareJob() {}

  public static Outcome run(SparkSession spark, Sweep sweep) {
    ResultsFolder folder =
        new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    if (!SimulateJob.finished(folder)) {
      throw new MissingInputException("no finished simulation in " + folder.root() + ": run simulate first");
    }
    TableStore tables = new TableStore(folder);
    if (!tables.exists(TheoryTable.NAME)) {
      throw new MissingInputException("no theory table in " + folder.root() + ": run theory first");
    }
    Map<String, Context> contexts =
        sweep.contexts().stream().collect(Collectors.toMap(ContextEntry::contextId, ContextEntry::context));
    List<Tuple2<String, GroupSpec>> groups = new ArrayList<>();
    for (Group g : sweep.groups()) {
      ModelEntry model = sweep.model(g.contextId());
      groups.add(new Tuple2<>(g.groupId(), new GroupSpec(contexts.get(g.contextId()), model == null ? null : model.spec(),
          g.spec())));
    }
    for (TextTheoryGroups.Unigram g : TextTheoryGroups.of(spark, sweep, folder)) {
      groups.add(new Tuple2<>(g.groupId(), new GroupSpec(g.context(), null, g.spec())));
    }
    int maxGenerations = sweep.maxGenerations();
    int[] grid = TheoryRows.generations(maxGenerations);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobDescription("compare: " + groups.size() + " groups");
    int partitions = Math.max(1, Math.min(groups.size(), jsc.defaultParallelism() * 2));

    JavaPairRDD<String, GroupSpec> keys = jsc.parallelizePairs(groups, partitions);
    JavaPairRDD<String, RunOutcome> runs = tables.read(spark, Tables.RUNS)
        .select("group_id", "replicate", "collapse_time", "censored", "absorbing_token", "lambda1")
        .javaRDD()
        .mapToPair(r -> new Tuple2<>(r.getString(0), new RunOutcome(r.getInt(1), r.isNullAt(2) ? null : r.getInt(2),
            r.getBoolean(3), r.isNullAt(4) ? null : r.getInt(4), r.getDouble(5))));
    Object[] gridValues = Arrays.stream(grid).boxed().toArray();
    List<org.apache.spark.sql.Column> columns = new ArrayList<>(List.of(col("group_id"), col("generation"), col("runs"),
        col("collapsed"), col(Tables.sumColumn(Metric.SIGMA)), col(Tables.sumSqColumn(Metric.SIGMA)),
        col(Tables.sumColumn(Metric.L1_P1)), col(Tables.sumSqColumn(Metric.L1_P1)),
        col(Tables.sumColumn(Metric.L1_P0)), col(Tables.sumSqColumn(Metric.L1_P0))));
    var statsTable = tables.read(spark, Tables.GENERATION_STATS);
    List<String> present = Arrays.asList(statsTable.columns());
    // A table written before the model families (or before Σx³) has no such columns: they read as null.
    FamilySpec.COLUMNS.forEach(c -> {
      for (String column : List.of(c + "_sum", c + "_sum_sq", c + Tables.SUM_CUBE)) {
        columns.add(present.contains(column) ? col(column) : lit(null).cast("double").as(column));
      }
    });
    JavaPairRDD<String, Moments> stats = statsTable
        .where(col("generation").isin(gridValues))
        .select(columns.toArray(org.apache.spark.sql.Column[]::new))
        .javaRDD()
        .mapToPair(r -> new Tuple2<>(r.getString(0), moments(r)));
    JavaPairRDD<String, Row> theory = tables.read(spark, TheoryTable.NAME)
        .javaRDD()
        .mapToPair(r -> new Tuple2<>(r.getString(0), r));

    JavaRDD<GroupOutput> outputs = keys.cogroup(runs, stats, theory, partitions)
        .map(e -> output(e._1(), e._2(), maxGenerations, grid))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // The text martingale checks (MATH.md §8) read the probes table on the driver: a row per (group, probe).
      JavaRDD<Row> comparison = outputs.flatMap(o -> o.comparison().stream().map(CompareTables::row).iterator())
          .union(jsc.parallelize(TextMartingaleChecks.rows(spark, sweep, tables).stream().map(CompareTables::row).toList(), 1));
      tables.write(spark.createDataFrame(comparison, CompareTables.COMPARISON_SCHEMA).coalesce(1)
          .sortWithinPartitions("group_id", "check_name"), CompareTables.COMPARISON);
      JavaRDD<Row> times = outputs.flatMap(o -> o.collapseTimes().iterator());
      tables.write(spark.createDataFrame(times, CompareTables.COLLAPSE_TIMES_SCHEMA).coalesce(1)
          .sortWithinPartitions("group_id", "statistic", "generation", "probability"), CompareTables.COLLAPSE_TIMES);
    } finally {
      outputs.unpersist(false);
    }
    long comparisonRows = tables.read(spark, CompareTables.COMPARISON).count();
    long timeRows = tables.read(spark, CompareTables.COLLAPSE_TIMES).count();
    return new Outcome(folder, groups.size(), comparisonRows, timeRows);
  }

  /** A generation_stats row's moments; a null sum (the other kind of group) reads as NaN. */
  private static Moments moments(Row r) {
    double[] v = new double[r.size()];
    for (int i = 4; i < r.size(); i++) {
      v[i] = r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
    GenerationMoments categorical =
        new GenerationMoments(r.getInt(1), r.getLong(2), r.getLong(3), v[4], v[5], v[6], v[7], v[8], v[9]);
    int k = FamilySpec.COLUMNS.size();
    double[] sums = new double[k];
    double[] sumSqs = new double[k];
    double[] sumCubes = new double[k];
    for (int j = 0; j < k; j++) {
      sums[j] = v[10 + 3 * j];
      sumSqs[j] = v[11 + 3 * j];
      sumCubes[j] = v[12 + 3 * j];
    }
    return new Moments(categorical, new FamilyMoments(r.getInt(1), r.getLong(2), sums, sumSqs, sumCubes));
  }

  /** The rows of one group; groups of the sweep only (a key without a spec is ignored). */
  private static GroupOutput output(
      String groupId,
      Tuple4<Iterable<GroupSpec>, Iterable<RunOutcome>, Iterable<Moments>, Iterable<Row>> data,
      int maxGenerations,
      int[] grid) {
    var specs = data._1().iterator();
    if (!specs.hasNext()) {
      return new GroupOutput(List.of(), List.of());
    }
    GroupSpec g = specs.next();
    List<RunOutcome> runs = new ArrayList<>();
    data._2().forEach(runs::add);
    List<GenerationMoments> stats = new ArrayList<>();
    List<FamilyMoments> familyStats = new ArrayList<>();
    data._3().forEach(m -> {
      stats.add(m.categorical());
      familyStats.add(m.family());
    });
    List<TheoryRow> theory = new ArrayList<>();
    data._4().forEach(r -> theory.add(TheoryTable.of(r)));
    theory.sort(java.util.Comparator.comparing(TheoryRow::quantity)
        .thenComparing(r -> r.generation() == null ? -1 : r.generation()));
    GroupInput in = new GroupInput(groupId, g.context(), g.spec(), maxGenerations, runs,
        g.model() == null ? stats : List.of(), theory);
    List<ComparisonRow> comparison =
        g.model() == null ? GroupComparison.rows(in) : FamilyComparison.rows(in, g.model(), familyStats);
    List<Row> times = new ArrayList<>();
    if (!in.runs().isEmpty()) {
      int[] t = new int[in.runs().size()];
      boolean[] censored = new boolean[t.length];
      for (int i = 0; i < t.length; i++) {
        RunOutcome r = in.runs().get(i);
        censored[i] = r.censored();
        t[i] = r.censored() ? maxGenerations : r.collapseTime();
      }
      int[] kmAt = Arrays.stream(grid).filter(k -> k >= 1).toArray();
      for (CollapseTimeRow row : CollapseTimes.rows(t, censored, maxGenerations, kmAt, HISTOGRAM_BINS)) {
        times.add(CompareTables.row(groupId, row));
      }
    }
    return new GroupOutput(comparison, times);
  }
}
