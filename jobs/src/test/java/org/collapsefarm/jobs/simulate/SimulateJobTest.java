package org.collapsefarm.jobs.simulate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.RunsTables;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.TestSweeps;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateJobTest {
  private static final int REPLICATES = 20;
  private static final int MAX_GENERATIONS = 60;
  private static final int SAMPLE = 2;
  /**
   * generation_stats derives sd from Σx and Σx² (so that chunks can be merged): the subtraction
   * Σx² − (Σx)²/n cancels, leaving an absolute variance error of about 4·ε·Σx²/(n−1) ≈ 2e-16 here
   * (x ≤ 1, ε = 2^-52), i.e. an sd error up to ≈ 1.5e-8 even when the true sd is 0.
   */
  private static final double SD_TOLERANCE = 1e-7;
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);

  @TempDir static Path dir;
  static SparkSession spark;
  static Sweep sweep;
  static SimulateJob.Outcome outcome;

  @BeforeAll
  static void simulate() throws Exception {
    spark = TestSpark.session();
    sweep = TestSweeps.mixed("tables", dir.toString(), REPLICATES, MAX_GENERATIONS,
        new Trajectories(Trajectories.Mode.SAMPLE, SAMPLE));
    outcome = SimulateJob.run(spark, sweep, new SimulateJob.Options(0, 40, QUIET));
  }

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(outcome.folder().table(name));
  }

  @Test
  void contextsAndCellsTablesCarryTheContractColumns() {
    assertThat(table(Tables.CONTEXTS).columns()).contains("context_id", "vocabulary", "support", "s0", "entropy", "probs", "source");
    assertThat(table(Tables.CONTEXTS).count()).isEqualTo(2);
    Dataset<Row> cells = table(Tables.CELLS);
    assertThat(cells.columns()).contains("cell_id", "group_id", "context_id", "paradigm", "n", "real_n", "window",
        "rate", "temperature", "top_p", "smoothing", "replicate", "seed", "max_generations");
    assertThat(cells.count()).isEqualTo(sweep.cellCount());
    assertThat(cells.select("cell_id").distinct().count()).isEqualTo(sweep.cellCount());
  }

  @Test
  void runsHoldEveryCellOnceWithCensoringConsistent() {
    Dataset<Row> runs = table(Tables.RUNS);
    assertThat(runs.columns()).contains("cell_id", "group_id", "collapse_time", "censored", "absorbing_token",
        "generations_run", "final_sigma", "final_max_prob", "lambda1", "elapsed_ns", "paradigm");
    assertThat(runs.count()).isEqualTo(sweep.cellCount());
    assertThat(runs.select("cell_id").distinct().count()).isEqualTo(sweep.cellCount());
    assertThat(runs.select("cell_id").except(table(Tables.CELLS).select("cell_id")).count()).isZero();
    assertThat(runs.filter(col("censored").equalTo(col("collapse_time").isNotNull())).count()).isZero();
    assertThat(runs.filter(col("collapse_time").gt(MAX_GENERATIONS)).count()).isZero();
    // Fully synthetic with n = 2 on three tokens collapses within 60 generations in nearly every run;
    // the check is only that both outcomes can be represented: some collapsed rows exist.
    assertThat(runs.filter(col("censored").equalTo(false)).count()).isPositive();
  }

  @Test
  void generationStatsAgreeWithTheRunsTable() {
    Dataset<Row> stats = table(Tables.GENERATION_STATS);
    assertThat(stats.columns()).contains("group_id", "generation", "runs", "collapsed_fraction",
        "sigma_mean", "sigma_sd", "sigma_sum", "sigma_sum_sq", "max_prob_mean", "entropy_mean");
    assertThat(stats.count()).isEqualTo((long) sweep.groups().size() * (MAX_GENERATIONS + 1));
    assertThat(stats.filter(col("runs").notEqual(REPLICATES)).count()).isZero();
    // Generation M of generation_stats and the runs' final metrics describe the same numbers.
    Map<String, Row> finals =
        table(Tables.RUNS).groupBy("group_id")
            .agg(avg("final_sigma"), stddev_samp("final_sigma"), avg("final_entropy"),
                sum(when(col("censored"), 0).otherwise(1)).divide(count("*")))
            .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    List<Row> last = stats.filter(col("generation").equalTo(MAX_GENERATIONS))
        .select("group_id", "sigma_mean", "sigma_sd", "entropy_mean", "collapsed_fraction").collectAsList();
    assertThat(last).hasSize(sweep.groups().size());
    Map<String, Group> groups = sweep.groups().stream().collect(Collectors.toMap(Group::groupId, g -> g));
    for (Row row : last) {
      Row f = finals.get(row.getString(0));
      assertThat(row.getDouble(1)).isCloseTo(f.getDouble(1), within(1e-12));
      assertThat(row.getDouble(2)).isCloseTo(f.getDouble(2), within(SD_TOLERANCE));
      assertThat(row.getDouble(3)).isCloseTo(f.getDouble(3), within(1e-12));
      // ρ_M = P(T ≤ M): the share of runs that are not censored, in every paradigm.
      assertThat(row.getDouble(4)).isEqualTo(f.getDouble(4));
    }
    // Generation 0 is the context itself in every run: sd 0, mean S_0.
    Row g0 = stats.filter(col("generation").equalTo(0)).orderBy("group_id").select("sigma_sd").first();
    assertThat(g0.getDouble(0)).isCloseTo(0.0, within(SD_TOLERANCE));
  }

  @Test
  void collapsedFractionIsRhoFromTheRunsCollapseTimesAtEveryGeneration(@TempDir Path other) throws Exception {
    // ρ_m = P(T ≤ m) ([S] Thm 1), counted from the runs table; dirac_fraction (collapsed *at* m) may
    // only be smaller, and equals ρ_m where collapse is absorbing (fully synthetic). Most recent K = 3
    // with n = 2 collapses and regains diversity (MATH.md §3), so the two columns differ there.
    ContextEntry c = TestSweeps.context(0.5, 0.3, 0.2);
    List<Group> list = List.of(
        TestSweeps.group(c, ParadigmSpec.fullySynthetic(3), MAX_GENERATIONS, 6),
        TestSweeps.group(c, ParadigmSpec.defaults(Paradigm.MOST_RECENT, 2).withWindow(3, Allocation.SPLIT),
            MAX_GENERATIONS, MAX_GENERATIONS));
    Sweep s = TestSweeps.sweep("rho", other.toString(), 7L, REPLICATES, MAX_GENERATIONS, Trajectories.NONE,
        List.of(c), list);
    SimulateJob.Outcome out = SimulateJob.run(spark, s, new SimulateJob.Options(2, 1_000, QUIET));
    Map<String, Group> groups = s.groups().stream().collect(Collectors.toMap(Group::groupId, g -> g));
    Map<String, List<Integer>> times = new java.util.HashMap<>();
    for (Row r : spark.read().parquet(out.folder().table(Tables.RUNS)).select("group_id", "collapse_time").collectAsList()) {
      times.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.isNullAt(1) ? null : r.getInt(1));
    }
    List<Row> stats = spark.read().parquet(out.folder().table(Tables.GENERATION_STATS))
        .select("group_id", "generation", "runs", "collapsed_by", "collapsed_fraction", "dirac_fraction").collectAsList();
    assertThat(stats).isNotEmpty();
    for (Row row : stats) {
      int m = row.getInt(1);
      long expected = times.get(row.getString(0)).stream().filter(t -> t != null && t <= m).count();
      assertThat(row.getLong(3)).as("collapsed_by at %d", m).isEqualTo(expected);
      assertThat(row.getDouble(4)).isEqualTo((double) expected / row.getLong(2));
      assertThat(row.getDouble(5)).isLessThanOrEqualTo(row.getDouble(4));
      if (groups.get(row.getString(0)).spec().paradigm() == Paradigm.FULLY_SYNTHETIC) {
        assertThat(row.getDouble(5)).isEqualTo(row.getDouble(4));
      }
    }
    assertThat(stats.stream().filter(r -> r.getDouble(5) < r.getDouble(4))).as("most recent regains diversity").isNotEmpty();
  }

  @Test
  void trajectoriesOnlyForTheSampledReplicatesAndEndAtTheFinalValues() {
    Dataset<Row> traj = table(Tables.TRAJECTORIES);
    assertThat(traj.count()).isEqualTo((long) sweep.groups().size() * SAMPLE * (MAX_GENERATIONS + 1));
    Dataset<Row> lastGen = traj.filter(col("generation").equalTo(MAX_GENERATIONS)).select("cell_id", Metric.SIGMA.column());
    Dataset<Row> joined = lastGen.join(table(Tables.RUNS).select("cell_id", "final_sigma", "replicate"), "cell_id");
    assertThat(joined.count()).isEqualTo((long) sweep.groups().size() * SAMPLE);
    assertThat(joined.filter(col("replicate").geq(SAMPLE)).count()).isZero();
    assertThat(joined.filter(col("sigma").notEqual(col("final_sigma"))).count()).isZero();
  }

  @Test
  void trajectoriesHoldTheModelOfSmallContexts() {
    // Every context of the mixed sweep has a small support: p^(m) is recorded, p^(0) at m = 0, a
    // probability vector at every m, and σ_m = Σ p_i² and the missing mass agree with it (MATH.md §3).
    List<Row> rows = table(Tables.TRAJECTORIES)
        .join(table(Tables.CELLS).select("cell_id", "context_id"), "cell_id")
        .join(table(Tables.CONTEXTS).select(col("context_id"), col("probs").as("p0")), "context_id")
        .select(col("generation"), col(Tables.PROBS), col("p0"), col(Metric.SIGMA.column()),
            col(Metric.MISSING_MASS.column()))
        .collectAsList();
    assertThat(rows).isNotEmpty();
    for (Row r : rows) {
      List<Double> p = r.getList(1);
      List<Double> p0 = r.getList(2);
      assertThat(p).hasSameSizeAs(p0);
      double sum = 0;
      double sq = 0;
      double missing = 0;
      for (int i = 0; i < p.size(); i++) {
        sum += p.get(i);
        sq += p.get(i) * p.get(i);
        missing += p.get(i) == 0 ? p0.get(i) : 0;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
      assertThat(sq).isCloseTo(r.getDouble(3), within(1e-12));
      assertThat(missing).isCloseTo(r.getDouble(4), within(1e-12));
      if (r.getInt(0) == 0) {
        assertThat(p).isEqualTo(p0);
      }
    }
  }

  @Test
  void writesTheDefinitionMarker() throws Exception {
    Path marker = dir.resolve("tables").resolve("_sweep");
    assertThat(Files.readString(marker.resolve("definition.conf"))).isEqualTo(sweep.definition());
    assertThat(Files.readString(marker.resolve("definition.sha256")).trim()).isEqualTo(sweep.definitionHash());
  }

  @Test
  void resumeRecomputesOnlyMissingChunksAndNeverDuplicates(@TempDir Path other) throws Exception {
    Sweep s = TestSweeps.mixed("resume", other.toString(), REPLICATES, MAX_GENERATIONS, Trajectories.NONE);
    SimulateJob.Outcome first = SimulateJob.run(spark, s, new SimulateJob.Options(3, 40, QUIET));
    assertThat(first.chunks()).isEqualTo(4);
    assertThat(first.computedChunks()).isEqualTo(4);
    List<Row> before = RunsTables.comparable(spark, first.folder().table(Tables.RUNS));

    // A second run of a finished sweep computes nothing.
    assertThat(SimulateJob.run(spark, s, new SimulateJob.Options(3, 40, QUIET)).computedCells()).isZero();

    // Lose chunk 2 and the compaction, as if killed before they were committed; a different
    // --chunk-cells on restart must not change the recorded chunk layout.
    Path root = other.resolve("resume");
    deleteTree(root.resolve(ChunkStore.CHUNKS_DIR).resolve(ChunkStore.MANIFESTS_DIR).resolve("chunk-00002.manifest"));
    deleteTree(root.resolve("_sweep").resolve("finalized"));
    deleteTree(root.resolve(Tables.RUNS));
    CellPlan plan = CellPlan.of(s, 4);
    long inChunk2 = 0;
    for (CellTask cell : plan.factory().cells(plan.groups(), 2)) {
      inChunk2++;
    }
    SimulateJob.Outcome second = SimulateJob.run(spark, s, new SimulateJob.Options(5, 7, QUIET));
    assertThat(second.chunks()).isEqualTo(4);
    assertThat(second.computedChunks()).isEqualTo(1);
    assertThat(second.computedCells()).isEqualTo(inChunk2).isPositive();
    assertThat(RunsTables.comparable(spark, second.folder().table(Tables.RUNS))).isEqualTo(before);
  }

  @Test
  void runsIdenticalForOneAndSevenPartitionsAndAnyChunking(@TempDir Path other) throws Exception {
    Sweep one = TestSweeps.mixed("one", other.toString(), REPLICATES, MAX_GENERATIONS, Trajectories.NONE);
    Sweep seven = TestSweeps.mixed("seven", other.toString(), REPLICATES, MAX_GENERATIONS, Trajectories.NONE);
    SimulateJob.Outcome a = SimulateJob.run(spark, one, new SimulateJob.Options(1, 1_000_000, QUIET));
    SimulateJob.Outcome b = SimulateJob.run(spark, seven, new SimulateJob.Options(7, 60, QUIET));
    assertThat(a.chunks()).isEqualTo(1);
    assertThat(b.chunks()).isEqualTo(3);
    List<Row> rowsA = RunsTables.comparable(spark, a.folder().table(Tables.RUNS));
    assertThat(rowsA).hasSize((int) one.cellCount());
    assertThat(RunsTables.comparable(spark, b.folder().table(Tables.RUNS))).isEqualTo(rowsA);
  }

  private static void deleteTree(Path path) throws Exception {
    if (Files.exists(path)) {
      try (var walk = Files.walk(path)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
