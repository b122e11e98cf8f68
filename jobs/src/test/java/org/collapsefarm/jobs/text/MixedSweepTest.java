package org.collapsefarm.jobs.text;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.FarmRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: one sweep with a categorical context, a Gaussian model and a corpus (DESIGN.md: "a sweep
 * may mix families") runs end to end — simulate, theory, compare, report — and its tables answer SQL:
 * every family's rows in the same tables, each with its own columns set and the others' null.
 */
class MixedSweepTest {
  private static final int REPLICATES = 4;

  @TempDir static Path dir;
  static SparkSession spark;
  static String results;
  static FarmRunner.Result run;

  @BeforeAll
  static void run() throws Exception {
    spark = TestSpark.session();
    // A corpus's path is part of its id, hence of every seed: a fixed path relative to the module folder
    // (not the random @TempDir) keeps the S_m verdicts checked below on fixed seeds.
    Path corpus = Path.of("target", "mixed-sweep-test", "corpus.txt");
    Files.createDirectories(corpus.getParent());
    Files.write(corpus, TextSimulateTest.documents());
    Path conf = dir.resolve("mixed.conf");
    Files.writeString(conf, """
        sweep {
          name = mixed
          output = "%s"
          seed = 3
          replicates = %d
          max-generations = 5
          contexts = [ { family = explicit, probs = [0.5, 0.3, 0.2] } ]
          models = [ { family = gaussian, mean = 0, variance = 1, collapse-epsilon = 0.1 } ]
          corpora = [ { name = toy, path = "%s", format = lines, language = english, validation-fraction = 0.2 } ]
          text { order = [1], probes = ["there"], samples = 1 }
          paradigms = [ { paradigm = fully-synthetic, n = 200 } ]
        }
        """.formatted(dir.resolve("out").toString().replace("\\", "/"), REPLICATES, corpus.toString().replace("\\", "/")));
    run = FarmRunner.run("run", conf.toString(), "--partitions", "2", "--chunk-cells", "5");
    results = dir.resolve("out/mixed").toString();
  }

  @Test
  void everyFamilyHasItsRunsAndItsOwnColumns() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("simulate: 12 cells in 3 chunks");
    Map<String, Long> runs = spark.read().parquet(results + "/runs").groupBy("family").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(runs).containsExactlyInAnyOrderEntriesOf(Map.of("categorical", 4L, "gaussian", 4L, "text", 4L));
    assertThat(spark.read().parquet(results + "/contexts").select("family").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList()).containsExactlyInAnyOrder("categorical", "gaussian", "text");
    Map<String, Row> last = spark.read().parquet(results + "/generation_stats").where("generation = 5")
        .join(spark.read().parquet(results + "/cells").select("group_id", "family").distinct(), "group_id")
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("family"), r -> r));
    assertThat(last).hasSize(3);
    assertThat(last.values()).allSatisfy(r -> assertThat(r.<Long>getAs("runs")).isEqualTo(REPLICATES));
    assertThat(last.get("text").<Double>getAs("kn_perplexity_mean")).isPositive();
    assertThat(last.get("text").<Double>getAs("sigma_mean")).isPositive(); // of the unigram distribution
    assertThat(last.get("text").isNullAt(last.get("text").fieldIndex("var_ratio_mean"))).isTrue();
    assertThat(last.get("gaussian").<Double>getAs("var_ratio_mean")).isPositive();
    assertThat(last.get("gaussian").isNullAt(last.get("gaussian").fieldIndex("kn_perplexity_mean"))).isTrue();
    assertThat(last.get("categorical").isNullAt(last.get("categorical").fieldIndex("coverage_mean"))).isTrue();
    assertThat(spark.read().parquet(results + "/probes").count()).isEqualTo(6); // one probe, generations 0..5
    assertThat(spark.read().parquet(results + "/samples").where("generation = 5").count()).isEqualTo(1);
  }

  @Test
  void theoryAndCompareCoverTheCategoricalContextAndTheUnigramTextGroup() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> theory = spark.read().parquet(results + "/theory").where("quantity = 'S_m'")
        .join(spark.read().parquet(results + "/cells").select("group_id", "family").distinct(), "group_id")
        .select("family").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(theory).contains("categorical", "text");
    List<Row> sm = spark.read().parquet(results + "/comparison").where(col("check_name").equalTo("S_m"))
        .join(spark.read().parquet(results + "/cells").select("group_id", "family").distinct(), "group_id")
        .where("family = 'text'").collectAsList();
    assertThat(sm).isNotEmpty().allSatisfy(r -> assertThat(r.<String>getAs("verdict")).isIn("consistent", "not-applicable"));
  }

  @Test
  void theReportHasEveryFamilysFiguresAndSqlReadsTheTables() throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path figures = Path.of(results, "figures");
    assertThat(figures.resolve("text-perplexity-toy-order-1.png")).isRegularFile();
    try (var files = Files.list(figures)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("text-") && n.endsWith(".png")))
          .isNotEmpty();
    }
    assertThat(Files.readString(Path.of(results, "report.md"))).contains("## Sample documents");
    FarmRunner.Result sql = FarmRunner.run("sql", "SELECT family, count(*) AS n FROM runs GROUP BY family ORDER BY family",
        "--results", results, "--format", "csv");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.out().lines().toList()).containsExactly("family,n", "categorical,4", "gaussian,4", "text,4");
  }
}
