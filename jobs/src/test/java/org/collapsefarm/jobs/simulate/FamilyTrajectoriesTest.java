package org.collapsefarm.jobs.simulate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.measure.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record.trajectories} for model families (MATH.md §7): the sampled runs of a Gaussian and a
 * Poisson write one row per generation with the family's own measurement columns (as in
 * generation_stats), null categorical columns, and the last row equal to the run's final values; a
 * categorical context of the same sweep keeps its columns and null family ones.
 */
class FamilyTrajectoriesTest {
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);
  private static final int SAMPLE = 3;
  private static final int MAX_GENERATIONS = 30;

  @TempDir static Path dir;
  static SparkSession spark;
  static SimulateJob.Outcome outcome;
  static Sweep sweep;

  @BeforeAll
  static void run() throws Exception {
    spark = TestSpark.session();
    Path conf = dir.resolve("trajectories.conf");
    Files.writeString(conf, """
        sweep {
          name = family-trajectories
          output = "%s"
          seed = 3
          replicates = 8
          max-generations = %d
          contexts = [ { family = explicit, probs = [0.5, 0.5] } ]
          models = [
            { family = gaussian, mean = 0, variance = 1, estimator = mle, collapse-epsilon = 0.1 }
            { family = poisson, rate = 0.5 }
          ]
          paradigms = [ { paradigm = fully-synthetic, n = 5 } ]
          record { trajectories = sample, sample-size = %d }
        }
        """.formatted(dir.resolve("out").toString().replace("\\", "/"), MAX_GENERATIONS, SAMPLE));
    sweep = SweepLoader.load(conf, List.of());
    outcome = SimulateJob.run(spark, sweep, new SimulateJob.Options(0, 10_000, QUIET));
  }

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(outcome.folder().table(name));
  }

  @Test
  void sampledRunsOfEveryFamilyWriteEveryGeneration() {
    Dataset<Row> traj = table(Tables.TRAJECTORIES).join(table(Tables.CELLS).select("cell_id", "family", "replicate"),
        "cell_id");
    for (String family : List.of("categorical", FamilySpec.GAUSSIAN, FamilySpec.POISSON)) {
      Dataset<Row> rows = traj.where(col("family").equalTo(family));
      assertThat(rows.count()).as(family).isEqualTo((long) SAMPLE * (MAX_GENERATIONS + 1));
      assertThat(rows.where(col("replicate").geq(SAMPLE)).count()).as(family).isZero();
    }
    assertThat(traj.where("family = 'gaussian' and (var_ratio is null or log_var is null or w2_sq is null"
        + " or sigma is not null or rate is not null or probs is not null)").count()).isZero();
    assertThat(traj.where("family = 'poisson' and (rate is null or rate_zero is null or var_ratio is not null"
        + " or " + Metric.SIGMA.column() + " is not null)").count()).isZero();
    assertThat(traj.where("family = 'categorical' and (sigma is null or var_ratio is not null or rate is not null)")
        .count()).isZero();
    // Generation 0 is the truth: σ²_0/σ_0² = 1, λ_0 = 0.5.
    assertThat(traj.where("generation = 0 and family = 'gaussian' and var_ratio = 1.0").count()).isEqualTo(SAMPLE);
    assertThat(traj.where("generation = 0 and family = 'poisson' and rate = 0.5").count()).isEqualTo(SAMPLE);
  }

  @Test
  void theLastRowIsTheRunsFinalValuesAndCollapsedAgreesWithTheCollapseTime() {
    Dataset<Row> joined = table(Tables.TRAJECTORIES)
        .join(table(Tables.RUNS).select("cell_id", "family", "final_var_ratio", "final_log_var", "final_rate",
            "collapse_time"), "cell_id");
    Dataset<Row> last = joined.where(col("generation").equalTo(MAX_GENERATIONS));
    assertThat(last.where("family = 'gaussian'").count()).isEqualTo(SAMPLE);
    assertThat(last.where("family = 'gaussian' and (var_ratio <> final_var_ratio or log_var <> final_log_var)")
        .count()).isZero();
    assertThat(last.where("family = 'poisson' and rate <> final_rate").count()).isZero();
    // Collapsed from T on (a Poisson's rate 0 is absorbing; the Gaussian's ε-collapse is first passage).
    assertThat(joined.where("family <> 'categorical' and collapse_time is not null and generation = collapse_time"
        + " and not collapsed").count()).isZero();
    assertThat(joined.where("family <> 'categorical' and (collapse_time is null or generation < collapse_time)"
        + " and collapsed").count()).isZero();
    assertThat(joined.where("family = 'poisson' and collapsed and rate <> 0").count()).isZero();
  }
}
