package org.collapsefarm.jobs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.report.ReportJob;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.theory.TheoryJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model families through the whole farm (MATH.md §7; DESIGN.md "Model families"): a sweep of a
 * Gaussian (both estimators) and a Poisson model beside a categorical context, simulated, with theory
 * and comparison, on local Spark. The tables carry the family columns (null where they do not
 * apply); every exact check of MATH.md §7 that applies is judged, and the data agree with it by the
 * tests' one policy for true formulas ({@link TrueFormulas}); accumulate-subsample is not-applicable
 * with its reason.
 */
class FamilySweepTest {
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);

  @TempDir static Path dir;
  static SparkSession spark;
  static Sweep sweep;
  static Map<String, Map<String, Row>> comparison;
  static SimulateJob.Outcome outcome;
  static ReportJob.Outcome report;

  @BeforeAll
  static void run() throws Exception {
    spark = TestSpark.session();
    Path conf = dir.resolve("families.conf");
    Files.writeString(conf, """
        sweep {
          name = families
          output = "%s"
          seed = 12
          replicates = 400
          max-generations = 100
          contexts = [ { family = explicit, probs = [0.5, 0.3, 0.2] } ]
          models = [
            { family = gaussian, mean = 1, variance = 2, estimator = [mle, unbiased], collapse-epsilon = 0.1 }
            { family = poisson, rate = 1 }
            { family = gaussian, dimension = 3, mean = 1, covariance = [[2, 0.5, 0], [0.5, 1, 0], [0, 0, 0.5]],
              collapse-epsilon = 0.1 }
          ]
          paradigms = [
            { paradigm = fully-synthetic, n = 10 }
            { paradigm = accumulate, n = 10, rate = 1 }
            { paradigm = accumulate-subsample, n = 10, rate = 1 }
          ]
        }
        """.formatted(dir.resolve("out").toString().replace("\\\\", "/")));
    sweep = SweepLoader.load(conf, List.of());
    outcome = SimulateJob.run(spark, sweep, new SimulateJob.Options(0, 10_000, QUIET));
    TheoryJob.run(spark, sweep);
    CompareJob.Outcome compared = CompareJob.run(spark, sweep);
    comparison = spark.read().parquet(compared.folder().table(CompareTables.COMPARISON)).collectAsList().stream()
        .collect(Collectors.groupingBy(r -> r.getString(0), Collectors.toMap(r -> r.getString(1), r -> r)));
    report = ReportJob.run(spark, sweep);
  }

  private static Group group(String source, String paradigm) {
    return sweep.groups().stream()
        .filter(g -> sweep.model(g.contextId()) != null && sweep.model(g.contextId()).spec().source().contains(source)
            && g.spec().paradigm().configName().equals(paradigm))
        .findFirst().orElseThrow();
  }

  @Test
  void theSweepHasOneGroupPerModelAndParadigm() {
    assertThat(sweep.models()).hasSize(4);
    assertThat(sweep.groups()).hasSize(3 + 4 * 3);
    Dataset<Row> contexts = spark.read().parquet(outcome.folder().table(Tables.CONTEXTS));
    assertThat(contexts.where("family = 'gaussian'").count()).isEqualTo(3);
    // d > 1: the variance column holds tr Σ_0, the source the whole matrix
    assertThat(contexts.where("family = 'gaussian' and dimension = 3 and variance = 3.5 and source like "
        + "'%covariance=[[2.0,0.5,0.0],[0.5,1.0,0.0],[0.0,0.0,0.5]]%'").count()).isEqualTo(1);
    assertThat(contexts.where("family = 'poisson' and rate_0 = 1.0 and vocabulary is null").count()).isEqualTo(1);
    assertThat(contexts.where("family = 'categorical' and vocabulary = 3").count()).isEqualTo(1);
    Dataset<Row> cells = spark.read().parquet(outcome.folder().table(Tables.CELLS));
    assertThat(cells.where("family = 'gaussian' and estimator = 'unbiased' and dimension = 1").count())
        .isEqualTo(3 * 400);
  }

  @Test
  void familyMeasurementsAreColumnsOfTheirOwn() {
    Dataset<Row> stats = spark.read().parquet(outcome.folder().table(Tables.GENERATION_STATS));
    String gaussian = group("estimator=mle", "fully-synthetic").groupId();
    Row g5 = stats.where("group_id = '" + gaussian + "' and generation = 5").first();
    // E = 0.9^5 = 0.59; sd of var_ratio about 0.35 at m = 5, so the mean of 400 runs within ±0.1 (5.7 SE)
    assertThat((Double) g5.getAs("var_ratio_mean")).isBetween(0.49, 0.69);
    assertThat((Object) g5.getAs("sigma_mean")).isNull();
    assertThat((Object) g5.getAs("rate_mean")).isNull();
    Row g0 = stats.where("group_id = '" + gaussian + "' and generation = 0").first();
    assertThat((Double) g0.getAs("var_ratio_mean")).isEqualTo(1.0);
    // a sum of 400 equal terms divided by 400: exact up to the rounding of the additions
    assertThat((Double) g0.getAs("log_var_mean")).isCloseTo(Math.log(2.0), org.assertj.core.api.Assertions.within(1e-12));
    Row runs = spark.read().parquet(outcome.folder().table(Tables.RUNS))
        .where("group_id = '" + group("poisson", "fully-synthetic").groupId() + "'").orderBy("replicate").first();
    assertThat((String) runs.getAs("family")).isEqualTo("poisson");
    assertThat((Object) runs.getAs("final_sigma")).isNull();
    assertThat((Object) runs.getAs("final_rate")).isNotNull();
    assertThat((Object) g5.getAs("det_ratio_mean")).as("det_ratio is for d > 1").isNull();
    Row d3 = stats.where("group_id = '" + group("dimension=3", "fully-synthetic").groupId() + "' and generation = 5")
        .first();
    assertThat((Double) d3.getAs("det_ratio_mean")).isPositive();
    assertThat((Double) d3.getAs("w2_sq_mean")).isPositive();
    Row categorical = stats.where("generation = 1 and sigma_mean is not null").first();
    assertThat((Object) categorical.getAs("var_ratio_mean")).isNull();
  }

  @Test
  void theExactFormulasOfMath7AgreeWithTheRuns() {
    Map<String, List<String>> checks = Map.of(
        group("estimator=mle", "fully-synthetic").groupId(), List.of("var_ratio", "log_var", "mean_sq_error", "w2_sq"),
        group("estimator=unbiased", "fully-synthetic").groupId(), List.of("var_ratio", "log_var", "mean_sq_error",
            "w2_sq"),
        group("estimator=mle", "accumulate").groupId(), List.of("var_ratio", "mean_sq_error"),
        group("estimator=unbiased", "accumulate").groupId(), List.of("var_ratio", "mean_sq_error"),
        group("poisson", "fully-synthetic").groupId(), List.of("rate", "mean_sq_error", "rate_alive"),
        group("dimension=3", "fully-synthetic").groupId(), List.of("var_ratio", "mean_sq_error", "det_ratio",
            "log_det_ratio"),
        group("dimension=3", "accumulate").groupId(), List.of("var_ratio", "mean_sq_error"));
    checks.forEach((groupId, names) -> {
      for (String name : names) {
        Row r = comparison.get(groupId).get(name);
        assertThat((String) r.getAs("kind")).isEqualTo("exact");
        assertThat((Integer) r.getAs("comparisons")).as(name).isGreaterThan(0);
        TrueFormulas.assertConsistent(r);
      }
    });
    String mle = group("estimator=mle", "fully-synthetic").groupId();
    Row wald = comparison.get(mle).get("ET_wald");
    assertThat((String) wald.getAs("verdict")).as((String) wald.getAs("detail")).isEqualTo("holds");
    Row ig = comparison.get(mle).get("ET_inverse_gaussian");
    assertThat((String) ig.getAs("kind")).isEqualTo("approximation");
    TrueFormulas.assertConsistent(ig);
    // d = 3: no closed form for E W2², and T_ε's forms are for d = 1
    Map<String, Row> d3 = comparison.get(group("dimension=3", "fully-synthetic").groupId());
    for (String name : List.of("w2_sq", "ET_wald", "ET_inverse_gaussian")) {
      assertThat((String) d3.get(name).getAs("verdict")).as(name).isEqualTo("not-applicable");
    }
    assertThat((String) d3.get("w2_sq").getAs("detail")).contains("d > 1");
  }

  @Test
  void theReportDrawsTheCategoricalGroupBesideTheModels() {
    assertThat(report).isNotNull();
    assertThat(Files.exists(dir.resolve("out").resolve("families").resolve("report.md"))).isTrue();
  }

  @Test
  void accumulateSubsampleIsNotApplicableWithItsReason() {
    Row r = comparison.get(group("poisson", "accumulate-subsample").groupId()).get("closed_forms");
    assertThat((String) r.getAs("verdict")).isEqualTo("not-applicable");
    assertThat((String) r.getAs("detail")).contains("no closed form for accumulate-subsample");
  }
}
