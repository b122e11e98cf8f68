package org.collapsefarm.jobs.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.FarmRunner;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.sql.ResultsViews;
import org.collapsefarm.jobs.theory.TheoryJob;
import org.collapsefarm.jobs.theory.TheoryTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline claims of every built-in study (README "Built-in studies", the conf headers, written by
 * {@code submit/studies-summary}) hold on a reduced run of the same conf file: fewer replicates, and
 * fewer n or a lower cap where the claim survives it, so that a change that makes a claim untrue fails
 * CI. Each claim is a direction or a rough size with a tolerance from the run's own standard error at
 * z = {@value #Z} (two-sided α ≈ 10⁻³ per claim), on fixed seeds (the conf files' own).
 */
class BuiltInStudiesClaimsTest {
  /** Standard errors allowed per claim: two-sided α ≈ 1e-3. */
  static final double Z = 3.3;
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);
  private static final Path CONF = Path.of("..", "conf");

  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = TestSpark.session();
  }

  /** Simulates conf/{study}.conf with the overrides and registers its tables as views; returns the sweep. */
  private static Sweep simulate(String study, String... overrides) throws Exception {
    List<String> sets = new ArrayList<>(List.of(overrides));
    sets.add("sweep.output=\"" + dir.toString().replace("\\", "/") + "\"");
    Sweep sweep = SweepLoader.load(CONF.resolve(study + ".conf"), sets);
    SimulateJob.Outcome outcome = SimulateJob.run(spark, sweep, new SimulateJob.Options(0, SimulateJob.AUTOMATIC_CHUNKS, QUIET));
    org.apache.hadoop.fs.Path root = outcome.folder().root();
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    ResultsViews.register(spark, fs, root);
    spark.sql("SELECT r.*, c.probs, c.s0, -2 * r.n * aggregate(c.probs, 0D, (a, p) -> a + (1 - p) * ln(1 - p)) wf "
        + "FROM runs r JOIN contexts c USING (context_id)").createOrReplaceTempView("rc");
    return sweep;
  }

  /**
   * Simulates conf/{study}.conf, a text sweep, through the {@code simulate} command (the same stage as
   * {@code submit/farm}) with the overrides, and registers its tables as views.
   */
  private static void simulateText(String study, String... overrides) {
    List<String> args = new ArrayList<>(List.of("simulate", CONF.resolve(study + ".conf").toString(),
        "--set", "sweep.output=\"" + dir.resolve("text").toString().replace("\\", "/") + "\""));
    for (String o : overrides) {
      args.add("--set");
      args.add(o);
    }
    FarmRunner.Result r = FarmRunner.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir.resolve("text").resolve(study).toUri());
    try {
      ResultsViews.register(spark, root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Row> rows(String sql) {
    return spark.sql(sql).collectAsList();
  }

  private static Row row(String sql) {
    List<Row> r = rows(sql);
    assertThat(r).as(sql).hasSize(1);
    return r.get(0);
  }

  /** Asserts lo − Z·se ≤ estimate ≤ hi + Z·se. */
  private static void within(String what, double estimate, double se, double lo, double hi) {
    assertThat(estimate).as("%s = %.4g ± %.3g (se), claimed %.4g–%.4g", what, estimate, se, lo, hi)
        .isBetween(lo - Z * se, hi + Z * se);
  }

  @Test
  void quickstart() throws Exception {
    simulate("quickstart", "sweep.replicates=60");
    assertThat(row("SELECT count(*), sum(CASE WHEN censored THEN 1 ELSE 0 END) FROM rc "
        + "WHERE paradigm IN ('fully-synthetic', 'most-recent')").getLong(1)).as("fully synthetic and K = 5 all collapse")
        .isZero();
    assertThat(row("SELECT sum(CASE WHEN censored THEN 0 ELSE 1 END) FROM rc WHERE paradigm = 'partially-synthetic'")
        .getLong(0)).as("partially synthetic never collapses").isZero();
    // fully synthetic follows Wright–Fisher within its (ln n)/3 + 1 bias (README, "Statistical choices")
    for (Row g : rows("SELECT n, avg(collapse_time), stddev(collapse_time) / sqrt(count(*)), first(wf) FROM rc "
        + "WHERE paradigm = 'fully-synthetic' GROUP BY group_id, n")) {
      double tol = Math.log(g.getInt(0)) / 3 + 1;
      within("mean T vs Wright–Fisher", g.getDouble(1), g.getDouble(2), g.getDouble(3) - tol, g.getDouble(3) + tol);
    }
    // the 5 most recent models delay collapse 4.1–5.7× (the measured range over the contexts)
    for (Row g : rows("SELECT avg(m.t) / avg(f.t), "
        + "avg(m.t) / avg(f.t) * sqrt(pow(stddev(m.t) / avg(m.t), 2) + pow(stddev(f.t) / avg(f.t), 2)) / sqrt(count(*)) "
        + "FROM (SELECT context_id, replicate, collapse_time t FROM rc WHERE paradigm = 'most-recent') m "
        + "JOIN (SELECT context_id, replicate, collapse_time t FROM rc WHERE paradigm = 'fully-synthetic' AND n = 10) f "
        + "USING (context_id, replicate) GROUP BY context_id")) {
      within("delay of K = 5", g.getDouble(0), g.getDouble(1), 4.1, 5.7);
    }
    // accumulate-subsample: a Dirac at M in at most 1.5 % of the runs
    for (Row g : rows("SELECT s.dirac_fraction, s.runs FROM generation_stats s JOIN (SELECT DISTINCT group_id FROM rc "
        + "WHERE paradigm = 'accumulate-subsample') a USING (group_id) WHERE s.generation = 1000")) {
      within("accumulate: Dirac at M", g.getDouble(0), Math.sqrt(0.015 * 0.985 / g.getLong(1)), 0, 0.015);
    }
  }

  /** Groups of a fully synthetic study: n, mean T, its se, Wright–Fisher E[T], censored runs. */
  private static List<Row> fullySyntheticGroups() {
    return rows("SELECT n, avg(collapse_time), stddev(collapse_time) / sqrt(count(*)), first(wf), "
        + "sum(CASE WHEN censored THEN 1 ELSE 0 END) FROM rc GROUP BY group_id, n");
  }

  @Test
  void seddikFig1() throws Exception {
    simulate("seddik-fig1", "sweep.replicates=150", "sweep.record.trajectories=none");
    for (Row g : fullySyntheticGroups()) {
      assertThat(g.getLong(4)).as("every run collapses").isZero();
    }
    // Prop. 1: the absorbing token is i with probability p_i = 0.5, 0.3, 0.2, at each n
    for (Row g : rows("SELECT n, avg(CASE WHEN absorbing_token = 0 THEN 1.0 ELSE 0.0 END), "
        + "avg(CASE WHEN absorbing_token = 2 THEN 1.0 ELSE 0.0 END), count(*) FROM rc GROUP BY n")) {
      long runs = g.getLong(3);
      within("share absorbed at token 0", g.getDecimal(1).doubleValue(), Math.sqrt(0.25 / runs), 0.5, 0.5);
      within("share absorbed at token 2", g.getDecimal(2).doubleValue(), Math.sqrt(0.16 / runs), 0.2, 0.2);
    }
  }

  @Test
  void seddikFig2() throws Exception {
    // n up to 200 of the study's 10 … 2000 (the claim is about the ratio, not the size)
    simulate("seddik-fig2", "sweep.replicates=60", "sweep.paradigms=[{paradigm=fully-synthetic, n=[10, 50, 200]}]");
    for (Row g : fullySyntheticGroups()) {
      assertThat(g.getLong(4)).as("no run censored").isZero();
      double ratio = g.getDouble(1) / g.getDouble(3);
      double se = g.getDouble(2) / g.getDouble(3);
      if (g.getInt(0) >= 50) {
        within("E[T] / Wright–Fisher, n >= 50", ratio, se, 0.96, 1.03);
      } else {
        within("E[T] / Wright–Fisher, n = 10", ratio, se, 0.89, 0.99);
      }
    }
  }

  @Test
  void seddikFig3() throws Exception {
    simulate("seddik-fig3", "sweep.replicates=100", "sweep.paradigms=[{paradigm=fully-synthetic, n=[10, 50]}]");
    // eq. 6: E sigma_m = 1 - (1 - 1/n)^m (1 - S_0), at m = 10 and 50
    for (Row g : rows("SELECT s.generation, s.sigma_mean, s.sigma_sd / sqrt(s.runs), "
        + "1 - pow(1 - 1.0 / c.n, s.generation) * (1 - c.s0) FROM generation_stats s "
        + "JOIN (SELECT DISTINCT group_id, n, s0 FROM rc) c USING (group_id) WHERE s.generation IN (10, 50)")) {
      within("sigma_m vs eq. 6", g.getDouble(1), g.getDouble(2), g.getDouble(3), g.getDouble(3));
    }
    // ||p^(M) - p^(1)||_1 ends at 2(1 - S_1), S_1 = 1/n + (1 - 1/n) S_0, once every run is absorbed
    for (Row g : rows("SELECT s.l1_p1_mean, s.l1_p1_sd / sqrt(s.runs), 2 * (1 - (1.0 / c.n + (1 - 1.0 / c.n) * c.s0)) "
        + "FROM generation_stats s JOIN (SELECT DISTINCT group_id, n, s0 FROM rc) c USING (group_id) "
        + "WHERE s.generation = (SELECT max(generation) FROM generation_stats)")) {
      within("l1_p1 at M vs 2(1 - S_1)", g.getDouble(0), g.getDouble(1), g.getDouble(2), g.getDouble(2));
    }
  }

  @Test
  void seddikFig4() throws Exception {
    simulate("seddik-fig4", "sweep.replicates=60", "sweep.max-generations=100");
    assertThat(row("SELECT sum(CASE WHEN censored THEN 0 ELSE 1 END) FROM rc").getLong(0)).as("no run collapses").isZero();
    // sigma_m plateaus just above S_0 = 0.1: 0.101 to 0.113 at these N and n
    for (Row g : rows("SELECT sigma_mean, sigma_sd / sqrt(runs) FROM generation_stats WHERE generation = 100")) {
      within("sigma plateau", g.getDouble(0), g.getDouble(1), 0.101, 0.113);
    }
  }

  @Test
  void seddikFig6() throws Exception {
    simulate("seddik-fig6", "sweep.replicates=40", "sweep.paradigms=["
        + "{paradigm=most-recent, n=100, window=[1, 5, 10], allocation=split}, "
        + "{paradigm=randomly-sampled, n=100, source=per-sample}]");
    // sigma_1000 at n = 100: 1 for K = 1, 0.68 (K = 5), 0.35 (K = 10), 0.115 (randomly sampled per-sample)
    Row r = row("SELECT "
        + "max(CASE WHEN c.paradigm = 'most-recent' AND c.window = 1 THEN s.sigma_mean END), "
        + "max(CASE WHEN c.paradigm = 'most-recent' AND c.window = 5 THEN s.sigma_mean END), "
        + "max(CASE WHEN c.paradigm = 'most-recent' AND c.window = 5 THEN s.sigma_sd / sqrt(s.runs) END), "
        + "max(CASE WHEN c.paradigm = 'most-recent' AND c.window = 10 THEN s.sigma_mean END), "
        + "max(CASE WHEN c.paradigm = 'most-recent' AND c.window = 10 THEN s.sigma_sd / sqrt(s.runs) END), "
        + "max(CASE WHEN c.paradigm = 'randomly-sampled' THEN s.sigma_mean END), "
        + "max(CASE WHEN c.paradigm = 'randomly-sampled' THEN s.sigma_sd / sqrt(s.runs) END) "
        + "FROM generation_stats s JOIN (SELECT DISTINCT group_id, paradigm, window FROM cells) c USING (group_id) "
        + "WHERE s.generation = 1000");
    assertThat(r.getDouble(0)).as("K = 1 collapses").isEqualTo(1.0);
    within("sigma_1000, K = 5", r.getDouble(1), r.getDouble(2), 0.68, 0.68);
    within("sigma_1000, K = 10", r.getDouble(3), r.getDouble(4), 0.35, 0.35);
    within("sigma_1000, randomly sampled per-sample", r.getDouble(5), r.getDouble(6), 0.115, 0.115);
  }

  @Test
  void wangAccumulate() throws Exception {
    // n = 100 only, M = 1,000 of the study's 10,000: the claims are about n = 100 and the freeze after ~100
    simulate("wang-accumulate", "sweep.replicates=20", "sweep.max-generations=1000",
        "sweep.paradigms=[{paradigm=accumulate-subsample, n=100, rate=[0.1, 2], pool=[corpora, fresh]}]");
    assertThat(row("SELECT max(collapsed_by) FROM generation_stats").getLong(0))
        .as("no run with n = 100 is ever a Dirac").isZero();
    // the drift freezes: ||p^(M) - p^(0)||_1 = its value at m = 100 within 0.03
    for (Row g : rows("SELECT a.l1_p0_mean - b.l1_p0_mean, a.l1_p0_sd / sqrt(a.runs) FROM generation_stats a "
        + "JOIN generation_stats b ON a.group_id = b.group_id AND b.generation = 100 WHERE a.generation = 1000")) {
      within("drift from m = 100 to 1000", g.getDouble(0), g.getDouble(1), -0.03, 0.03);
    }
    // with corpora the level does not depend on k (0.71-0.72 at n = 100)
    for (Row g : rows("SELECT s.l1_p0_mean, s.l1_p0_sd / sqrt(s.runs) FROM generation_stats s JOIN "
        + "(SELECT DISTINCT group_id, pool FROM cells) c USING (group_id) WHERE c.pool = 'corpora' AND s.generation = 1000")) {
      within("corpora drift level, n = 100", g.getDouble(0), g.getDouble(1), 0.71, 0.72);
    }
  }

  @Test
  void mitigations() throws Exception {
    simulate("mitigations", "sweep.replicates=40");
    Row r = row("SELECT "
        + "avg(CASE WHEN c.temperature = 1 AND c.top_p = 1 AND c.smoothing = 0 AND c.real_anchor = 0 THEN r.collapse_time END), "
        + "avg(CASE WHEN c.temperature < 1 THEN r.collapse_time END), "
        + "sum(CASE WHEN c.temperature > 1 AND NOT r.censored THEN 1 ELSE 0 END), "
        + "sum(CASE WHEN c.smoothing >= 0.01 AND NOT r.censored THEN 1 ELSE 0 END) "
        + "FROM rc r JOIN (SELECT DISTINCT group_id, temperature, top_p, smoothing, real_anchor FROM cells) c USING (group_id)");
    assertThat(r.getDouble(1)).as("temperature 0.8 collapses many times sooner").isLessThan(r.getDouble(0) / 5);
    assertThat(r.getLong(2)).as("temperature 1.2: no collapse within M").isZero();
    assertThat(r.getLong(3)).as("add-0.01 smoothing: no collapse within M").isZero();
    Row a = row("SELECT s.dirac_fraction, s.sigma_mean, s.sigma_sd / sqrt(s.runs) FROM generation_stats s "
        + "JOIN (SELECT DISTINCT group_id, real_anchor FROM cells) c USING (group_id) "
        + "WHERE c.real_anchor > 0 AND s.generation = 2000");
    assertThat(a.getDouble(0)).as("the real anchor: no run a Dirac at M").isZero();
    within("the real anchor's sigma at M", a.getDouble(1), a.getDouble(2), 0.41, 0.41);
  }

  @Test
  void exponentialFamilies() throws Exception {
    // The claims at n = 100 (and var_ratio at n = 1000), the conf's models and 100 replicates.
    Sweep sweep = simulate("exponential-families", "sweep.paradigms=["
        + "{paradigm=fully-synthetic, n=[100, 1000]}, {paradigm=accumulate, n=100, rate=1},"
        + "{paradigm=fully-synthetic, n=100, real-anchor=1}]");
    TheoryJob.run(spark, sweep);
    spark.read().parquet(new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration())
        .table(TheoryTable.NAME)).createOrReplaceTempView("theory");
    spark.sql("SELECT g.*, c.family, c.estimator, c.n, c.real_anchor, c.paradigm, x.rate_0 FROM generation_stats g"
        + " JOIN (SELECT DISTINCT group_id, context_id, family, estimator, dimension, n, real_anchor, paradigm FROM cells) c"
        + " USING (group_id) JOIN contexts x ON c.context_id = x.context_id"
        + " WHERE g.generation = 100 AND (c.family = 'poisson' OR c.dimension = 1)").createOrReplaceTempView("ef");
    // Every claim is a mean over runs at m = M = 100 against the exact theory row of the same name.
    String exact = "(SELECT value FROM theory t WHERE t.group_id = ef.group_id AND t.generation = 100 AND t.quantity = '%s')";
    for (String[] claim : new String[][] {
        // ln σ²_m is a sum of m i.i.d. steps (normal-tailed); σ²_m itself only where Var ln σ²_m ≤ 1 (n = 1000)
        {"MLE replace log_var", "log_var", "estimator = 'mle' AND paradigm = 'fully-synthetic' AND real_anchor = 0"},
        {"unbiased replace log_var (drifts although E σ² = σ_0²)", "log_var",
            "estimator = 'unbiased' AND paradigm = 'fully-synthetic' AND real_anchor = 0"},
        {"MLE replace var_ratio, n = 1000", "var_ratio",
            "estimator = 'mle' AND paradigm = 'fully-synthetic' AND real_anchor = 0 AND n = 1000"},
        {"MLE accumulate var_ratio", "var_ratio", "estimator = 'mle' AND paradigm = 'accumulate'"}}) {
      for (Row g : rows(String.format("SELECT %s_mean, %s_sd / sqrt(runs), %s FROM ef WHERE family = 'gaussian' AND %s",
          claim[1], claim[1], String.format(exact, claim[1]), claim[2]))) {
        within(claim[0], g.getDouble(0), g.getDouble(1), g.getDouble(2), g.getDouble(2));
      }
    }
    assertThat(rows("SELECT * FROM ef WHERE family = 'gaussian' AND paradigm = 'accumulate'")).hasSize(2);
    // One real point per generation keeps the variance: σ² has an inverse-gamma-like tail there (MATH.md §7),
    // so the claim is the rough size only, well above 0 (exact 0.68).
    for (Row g : rows("SELECT var_ratio_mean, var_ratio_sd / sqrt(runs) FROM ef WHERE family = 'gaussian'"
        + " AND estimator = 'mle' AND real_anchor = 1")) {
      within("MLE anchor var_ratio", g.getDouble(0), g.getDouble(1), 0.5, Double.POSITIVE_INFINITY);
    }
    // Poisson: P(λ_100 ≠ 0) against Suresh et al.'s exact value, binomial standard error.
    Row p = row("SELECT 1 - rate_zero_mean, runs, " + String.format(exact, "rate_alive")
        + " FROM ef WHERE family = 'poisson' AND rate_0 = 1 AND paradigm = 'fully-synthetic' AND real_anchor = 0"
        + " AND n = 100");
    double alive = p.getDouble(0);
    within("Poisson(1) P(λ_100 ≠ 0), n = 100", alive, Math.sqrt(p.getDouble(2) * (1 - p.getDouble(2)) / p.getLong(1)),
        p.getDouble(2), p.getDouble(2));
  }

  @Test
  void cotReplaceGrid() throws Exception {
    // V and n up to 300 of the grid's 10^5 (E[T] ≈ 2n whatever V is the claim)
    simulate("cot-replace-grid", "sweep.replicates=20", "sweep.max-generations=20000",
        "sweep.contexts=[{family=uniform, vocabulary=[10, 300]}]",
        "sweep.paradigms=[{paradigm=fully-synthetic, n=[10, 300]}]");
    for (Row g : fullySyntheticGroups()) {
      assertThat(g.getLong(4)).as("every run collapses").isZero();
      within("E[T] / Wright–Fisher", g.getDouble(1) / g.getDouble(3), g.getDouble(2) / g.getDouble(3), 0.85, 1.08);
    }
  }

  @Test
  void wangText() {
    // order 2 only and 4 of the study's 8 replicates, at the study's n = 50,000 and M = 20. The 4 runs
    // are replicates 0-3 of the study's own cells, so each claimed mean (over 8) is nested in the
    // test's: the test's standard error alone is the conservative tolerance.
    simulateText("wang-text", "sweep.text.order=[2]", "sweep.replicates=4");
    spark.sql("SELECT DISTINCT group_id, CASE WHEN real_anchor > 0 THEN 'anchor' ELSE paradigm END par FROM cells")
        .createOrReplaceTempView("par");
    // p^(0) is the model of the whole training part: its numbers are exact, not Monte Carlo
    Row p0 = row("SELECT max(kn_perplexity_mean), max(coverage_mean) FROM generation_stats WHERE generation = 0");
    assertThat(p0.getDouble(0)).as("Kneser-Ney perplexity of p^(0), order 2").isCloseTo(242.7, offset(0.05));
    assertThat(p0.getDouble(1)).as("coverage of p^(0), order 2").isCloseTo(0.674, offset(0.0005));
    Row probes = row("SELECT max(CASE WHEN word = 'was' THEN mean END), max(CASE WHEN word = 'were' THEN mean END) "
        + "FROM probes WHERE generation = 0");
    assertThat(probes.getDouble(0)).as("p(was | there) in p^(0)").isCloseTo(0.035, offset(0.0005));
    assertThat(probes.getDouble(1)).as("p(were | there) in p^(0)").isCloseTo(0.021, offset(0.0005));
    assertThat(row("SELECT max(collapsed_by) FROM generation_stats").getLong(0)).as("no run collapses").isZero();
    // perplexity at m = 20 per paradigm, as claimed (order 2)
    double untrained = row("SELECT max(exp(untrained_cross_entropy)) FROM contexts").getDouble(0);
    for (Row g : rows("SELECT p.par, s.kn_perplexity_mean, s.kn_perplexity_sd / sqrt(s.runs), s.vocab_kept_mean, "
        + "s.vocab_kept_sd / sqrt(s.runs), s.coverage_mean, s.coverage_sd / sqrt(s.runs) "
        + "FROM generation_stats s JOIN par p USING (group_id) WHERE s.generation = 20")) {
      double claimed = switch (g.getString(0)) {
        case "fully-synthetic" -> 2936;
        case "anchor" -> 1489;
        case "partially-synthetic" -> 537;
        case "accumulate-subsample" -> 595;
        case "accumulate" -> 1463;
        default -> throw new AssertionError(g.getString(0));
      };
      within("perplexity at m = 20, " + g.getString(0), g.getDouble(1), g.getDouble(2), claimed, claimed);
      if (g.getString(0).equals("fully-synthetic")) {
        assertThat(g.getDouble(1) + Z * g.getDouble(2)).as("fully synthetic stays below the untrained model")
            .isLessThan(untrained);
        within("share of V_0 kept, fully synthetic", g.getDouble(3), g.getDouble(4), 0.130, 0.132);
        within("coverage, fully synthetic", g.getDouble(5), g.getDouble(6), 0.266, 0.266);
      }
    }
    // the fixed real corpus and accumulate keep generation 1's edges: coverage and vocabulary frozen
    for (Row g : rows("SELECT p.par, max(s.coverage_mean) - min(s.coverage_mean), max(s.vocab_kept_mean) - min(s.vocab_kept_mean) "
        + "FROM generation_stats s JOIN par p USING (group_id) WHERE s.generation >= 1 "
        + "AND p.par IN ('partially-synthetic', 'accumulate') GROUP BY p.par")) {
      assertThat(g.getDouble(1)).as("coverage moves after m = 1, " + g.getString(0)).isZero();
      assertThat(g.getDouble(2)).as("vocabulary moves after m = 1, " + g.getString(0)).isZero();
    }
  }
}
