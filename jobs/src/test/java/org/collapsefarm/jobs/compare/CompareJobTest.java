package org.collapsefarm.jobs.compare;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.TestSweeps;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.theory.TheoryJob;
import org.collapsefarm.jobs.theory.TheoryTable;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.theory.TheoryRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theory and compare stages on Spark with simulation tables written by the test itself (runs of
 * {@link WrightFisherRuns}, an independent simulation), so that the plumbing — cogroup by group,
 * tables, atomic replacement, idempotence — is tested apart from the kernel. A second group of the
 * sweep has no runs and must still get its rows, as not-applicable.
 */
class CompareJobTest {
  private static final int M = 60;
  private static final int R = 300;
  private static final int N_SYNTH = 5;

  @TempDir static Path dir;
  static SparkSession spark;
  static Sweep sweep;
  static ResultsFolder folder;
  static Group fully;
  static Group partial;

  @BeforeAll
  static void tables() {
    spark = TestSpark.session();
    ContextEntry c = TestSweeps.context(0.5, 0.3, 0.2);
    fully = TestSweeps.group(c, ParadigmSpec.fullySynthetic(N_SYNTH), M, 8);
    partial = TestSweeps.group(c, ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(10), M, M);
    sweep = TestSweeps.sweep("cmp", dir.toString(), 7L, R, M, Trajectories.NONE, List.of(c), List.of(fully, partial));
    folder = new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    WrightFisherRuns sim = new WrightFisherRuns(c.context(), N_SYNTH, M, R, 11L);
    writeSimulation(fully.groupId(), sim);
    folder.writeAtomically(folder.sweepFile(ResultsFolder.FINALIZED), "1\n");
  }

  private static void writeSimulation(String groupId, WrightFisherRuns sim) {
    StructType runsSchema = new StructType().add("group_id", StringType).add("replicate", IntegerType)
        .add("collapse_time", IntegerType, true).add("censored", BooleanType).add("absorbing_token", IntegerType, true)
        .add("lambda1", DoubleType);
    List<Row> runs = sim.runs.stream().map(r -> RowFactory.create(groupId, r.replicate(), r.collapseTime(),
        r.censored(), r.absorbingToken(), r.lambda1())).toList();
    TableStore tables = new TableStore(folder);
    tables.write(spark.createDataFrame(runs, runsSchema), Tables.RUNS);
    StructType statsSchema = new StructType().add("group_id", StringType).add("generation", IntegerType)
        .add("runs", LongType).add("collapsed", LongType).add("sigma_sum", DoubleType).add("sigma_sum_sq", DoubleType)
        .add("l1_p1_sum", DoubleType).add("l1_p1_sum_sq", DoubleType).add("l1_p0_sum", DoubleType)
        .add("l1_p0_sum_sq", DoubleType);
    List<Row> stats = sim.moments.stream().map(g -> RowFactory.create(groupId, g.generation(), g.runs(), g.collapsed(),
        g.sigmaSum(), g.sigmaSumSq(), g.l1P1Sum(), g.l1P1SumSq(), g.l1P0Sum(), g.l1P0SumSq())).toList();
    tables.write(spark.createDataFrame(stats, statsSchema), Tables.GENERATION_STATS);
  }

  private static List<Row> sorted(String table, String... keys) {
    return spark.read().parquet(folder.table(table)).orderBy(keys[0], java.util.Arrays.copyOfRange(keys, 1,
        keys.length)).collectAsList();
  }

  @Test
  void theoryThenCompareWriteEveryGroupsRowsAndRerunsAreIdentical() {
    TheoryJob.Outcome theory = TheoryJob.run(spark, sweep);
    long expected = TheoryRows.forGroup(sweep.contexts().get(0).context(), fully.spec(), M).size()
        + TheoryRows.forGroup(sweep.contexts().get(0).context(), partial.spec(), M).size();
    assertThat(theory.rows()).isEqualTo(expected);
    assertThat(spark.read().parquet(folder.table(TheoryTable.NAME)).columns())
        .containsExactly("group_id", "generation", "quantity", "value", "source");

    CompareJob.Outcome outcome = CompareJob.run(spark, sweep);
    List<Row> comparison = sorted(CompareTables.COMPARISON, "group_id", "check_name");
    assertThat(spark.read().parquet(folder.table(CompareTables.COMPARISON)).columns()).startsWith("group_id",
        "check_name", "empirical", "ci_low", "ci_high", "theory", "kind", "verdict", "tightness", "detail");
    Map<String, String> fullyVerdicts = comparison.stream()
        .filter(r -> r.getString(0).equals(fully.groupId()))
        .collect(Collectors.toMap(r -> r.getString(1), r -> r.getString(7)));
    assertThat(fullyVerdicts).hasSize(12);
    assertThat(comparison.stream().filter(r -> r.getString(0).equals(fully.groupId())
        && List.of("S_m", "prop1_chi_square").contains(r.getString(1))).toList())
        .hasSize(2).allSatisfy(TrueFormulas::assertConsistent);
    assertThat(fullyVerdicts.get("rho_upper")).isEqualTo("holds");
    assertThat(fullyVerdicts.get("ET_upper")).isEqualTo("holds");
    List<Row> partialRows = comparison.stream().filter(r -> r.getString(0).equals(partial.groupId())).toList();
    assertThat(partialRows).hasSize(6).allSatisfy(r -> {
      assertThat(r.getString(7)).isEqualTo("not-applicable");
      assertThat(r.getString(9)).contains("no runs");
    });
    assertThat(outcome.comparisonRows()).isEqualTo(18);

    List<Row> times = sorted(CompareTables.COLLAPSE_TIMES, "group_id", "statistic", "generation", "probability");
    Map<String, Long> statistics = times.stream().collect(Collectors.groupingBy(r -> r.getString(1),
        Collectors.counting()));
    assertThat(statistics).containsKeys("runs", "censored", "histogram", "km_survival", "quantile", "restricted_mean");
    assertThat(statistics.get("km_survival")).isEqualTo(M); // k = 1..60
    assertThat(times).allSatisfy(r -> assertThat(r.getString(0)).isEqualTo(fully.groupId()));
    double histogramTotal = times.stream().filter(r -> r.getString(1).equals("histogram"))
        .mapToDouble(r -> r.getDouble(5)).sum();
    double censored = times.stream().filter(r -> r.getString(1).equals("censored")).findFirst().orElseThrow()
        .getDouble(5);
    assertThat(histogramTotal + censored).isEqualTo(R);

    List<Row> theoryBefore = sorted(TheoryTable.NAME, "group_id", "quantity", "generation");
    TheoryJob.run(spark, sweep);
    CompareJob.run(spark, sweep);
    assertThat(sorted(TheoryTable.NAME, "group_id", "quantity", "generation")).isEqualTo(theoryBefore);
    assertThat(sorted(CompareTables.COMPARISON, "group_id", "check_name")).isEqualTo(comparison);
    assertThat(sorted(CompareTables.COLLAPSE_TIMES, "group_id", "statistic", "generation", "probability"))
        .isEqualTo(times);
    // The re-runs deleted the previous versions' files: each table folder holds what its manifest names.
    TableStore tables = new TableStore(folder);
    for (String table : List.of(TheoryTable.NAME, CompareTables.COMPARISON, CompareTables.COLLAPSE_TIMES)) {
      assertThat(folder.dataFiles(new org.apache.hadoop.fs.Path(folder.table(table)), table))
          .isEqualTo(tables.manifest(table).orElseThrow().files());
    }
  }

  @Test
  void compareRefusesAFolderWithoutAFinishedSimulation() {
    Sweep other = TestSweeps.sweep("empty", dir.toString(), 7L, R, M, Trajectories.NONE, sweep.contexts(),
        List.of(fully));
    assertThatThrownBy(() -> CompareJob.run(spark, other)).hasMessageContaining("run simulate first");
  }

}
