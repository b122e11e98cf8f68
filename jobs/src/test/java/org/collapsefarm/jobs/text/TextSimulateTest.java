package org.collapsefarm.jobs.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.collapsefarm.jobs.cli.FarmRunner;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text sweep through the command line on the fork's local session: tables, determinism, bad input. */
public class TextSimulateTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    TestSpark.session();
  }

  private static FarmRunner.Result farm(String... args) {
    return FarmRunner.run(args);
  }

  /** 300 small English documents from a 30-word vocabulary (one per line), seeded. */
  public static List<String> documents() {
    String[] words = ("the there was were a of and to in it is that for on with as by this at from president "
        + "commission council vote report house member state union").split(" ");
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(1);
    List<String> docs = new ArrayList<>();
    for (int d = 0; d < 300; d++) {
      StringBuilder b = new StringBuilder("there was");
      int len = 3 + rng.nextInt(12);
      for (int i = 0; i < len; i++) {
        // Zipf-like: low indices are frequent.
        int w = (int) Math.floor(words.length * Math.pow(rng.nextDouble(), 2));
        b.append(' ').append(words[w]);
      }
      docs.add(b.append('.').toString());
    }
    return docs;
  }

  private Path corpusFile(String name, List<String> docs) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, docs);
    return f;
  }

  private Path conf(String name, String corpusPath, String extra) throws Exception {
    Path conf = dir.resolve(name + ".conf");
    Files.writeString(conf, """
        sweep {
          name = %s
          output = "%s"
          seed = 5
          replicates = 6
          max-generations = 8
          corpora = [ { name = toy, path = "%s", format = lines, language = english, validation-fraction = 0.2 } ]
          text { order = [1, 2], probes = ["there was", "there were"], samples = 2 }
          paradigms = [
            { paradigm = fully-synthetic, n = 400 }
            { paradigm = partially-synthetic, n = 200, real-n = 300 }
            { paradigm = accumulate-subsample, n = 200, rate = 1 }
          ]
          %s
        }
        """.formatted(name, dir.resolve("results").toString().replace("\\", "/"), corpusPath.replace("\\", "/"), extra));
    return conf;
  }

  @Test
  void runWritesTheTextTablesAndTheyAgreeAcrossPartitionsAndInputFiles() throws Exception {
    List<String> docs = documents();
    // A corpus's path is part of its id, hence of every group id and seed: a fixed path relative to the
    // module folder (not the random @TempDir) keeps the statistical checks below on fixed seeds.
    Path corpus = Path.of("target", "text-simulate-test", "corpus");
    org.apache.commons.io.FileUtils.deleteDirectory(corpus.toFile());
    Files.createDirectories(corpus);
    Files.write(corpus.resolve("a.txt"), docs);
    String glob = corpus.resolve("*.txt").toString();
    FarmRunner.Result r = farm("run", conf("single", glob, "").toString(), "--partitions", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("simulate: 36 cells in ");
    // The same documents, in reverse order, in three files read by more tasks: the same bits
    // (the corpus's documents are ordered by a hash of their text, not by where they were read).
    Files.delete(corpus.resolve("a.txt"));
    List<String> reversed = new ArrayList<>(docs);
    java.util.Collections.reverse(reversed);
    Files.write(corpus.resolve("x.txt"), reversed.subList(0, 100));
    Files.write(corpus.resolve("y.txt"), reversed.subList(100, 220));
    Files.write(corpus.resolve("z.txt"), reversed.subList(220, 300));
    FarmRunner.Result r3 = farm("simulate", conf("single", glob, "").toString(), "--partitions", "5",
        "--set", "sweep.output=\"" + dir.resolve("results2").toString().replace("\\", "/") + "\"");
    assertThat(r3.exitCode()).as(r3.err()).isZero();

    SparkSession spark = TestSpark.session();
    String a = dir.resolve("results/single").toString();
    String b = dir.resolve("results2/single").toString();
    assertThat(spark.read().parquet(a + "/contexts").count()).isEqualTo(2);
    assertThat(spark.read().parquet(a + "/cells").count()).isEqualTo(36);
    // Runs: identical apart from the time they took.
    List<Row> runsA = spark.read().parquet(a + "/runs").drop("elapsed_ns").orderBy("cell_id").collectAsList();
    List<Row> runsB = spark.read().parquet(b + "/runs").drop("elapsed_ns").orderBy("cell_id").collectAsList();
    assertThat(runsA).hasSize(36).isEqualTo(runsB);
    // Per-group sums are merged in an order that follows the partitions: equal to rounding.
    List<Row> statsA = spark.read().parquet(a + "/generation_stats").orderBy("group_id", "generation").collectAsList();
    List<Row> statsB = spark.read().parquet(b + "/generation_stats").orderBy("group_id", "generation").collectAsList();
    assertThat(statsA).hasSize(6 * 9).hasSameSizeAs(statsB);
    for (int i = 0; i < statsA.size(); i++) {
      for (int c = 0; c < statsA.get(i).length(); c++) {
        Object x = statsA.get(i).get(c);
        Object y = statsB.get(i).get(c);
        if (x instanceof Double dx && y instanceof Double dy && !dx.isNaN()) {
          assertThat(dy).as("row %d column %s", i, statsA.get(i).schema().fieldNames()[c])
              .isCloseTo(dx, org.assertj.core.api.Assertions.within(1e-7 * Math.max(1, Math.abs(dx)))); // an sd of equal values is sqrt(rounding), ~1e-9
        } else {
          assertThat(y).isEqualTo(x);
        }
      }
    }
    // Generation 0 is the training part itself: every type kept, no unigram drift, 6 runs.
    Row g0 = spark.read().parquet(a + "/generation_stats").where("generation = 0").first();
    assertThat(g0.<Long>getAs("runs")).isEqualTo(6L);
    assertThat(g0.<Double>getAs("vocab_kept_mean")).isEqualTo(1.0);
    assertThat(g0.<Double>getAs("kn_cross_entropy_mean")).isPositive();
    // Probes: at order 2, p^(0)(was | there) is the training part's, the same in every run and group
    // ("there" starts every document: its history is alive in every run); at order 1 it does not apply.
    List<Row> probe = spark.read().parquet(a + "/probes").where("probe = 'there was' and generation = 0")
        .join(spark.read().parquet(a + "/cells").select("group_id", "order").distinct(), "group_id").collectAsList();
    assertThat(probe).hasSize(6);
    List<Row> order2 = probe.stream().filter(row -> row.<Integer>getAs("order") == 2).toList();
    assertThat(order2).hasSize(3).allSatisfy(row -> {
      assertThat(row.<Double>getAs("mean")).isBetween(0.1, 1.0).isEqualTo(order2.get(0).<Double>getAs("mean"));
      assertThat(row.<Double>getAs("sd")).isEqualTo(0.0);
      assertThat(row.<Long>getAs("runs_alive")).isEqualTo(6L);
    });
    assertThat(probe.stream().filter(row -> row.<Integer>getAs("order") == 1))
        .allSatisfy(row -> assertThat(row.isNullAt(row.fieldIndex("mean"))).isTrue());
    assertThat(spark.read().parquet(a + "/samples").where("generation = 3").count()).isEqualTo(6 * 2);
    // At order 2 BOS is only ever followed by "there" (closure under MLE keeps it so).
    assertThat(spark.read().parquet(a + "/samples")
        .join(spark.read().parquet(a + "/cells").select("group_id", "order").distinct(), "group_id")
        .where("order = 2").collectAsList())
        .hasSize(3 * 9 * 2)
        .allSatisfy(row -> assertThat(row.<String>getAs("text")).startsWith("there"));
    // MATH.md §8's exact link: the order-1 fully synthetic group (and only it) gets [S] Theorem 1's rows
    // and the categorical checks, with the training part's unigram distribution as p^(0).
    String unigramGroup = spark.read().parquet(a + "/cells")
        .where("order = 1 and paradigm = 'fully-synthetic'").first().getAs("group_id");
    List<Row> theory = spark.read().parquet(a + "/theory").select("group_id").distinct().collectAsList();
    assertThat(theory).hasSize(1);
    assertThat(theory.get(0).getString(0)).isEqualTo(unigramGroup);
    List<Row> sm = spark.read().parquet(a + "/comparison")
        .where("group_id = '" + unigramGroup + "' and check_name = 'S_m'").collectAsList();
    assertThat(sm).isNotEmpty();
    assertThat(sm).allSatisfy(row -> assertThat(row.<String>getAs("verdict")).isIn("consistent", "not-applicable"));
    // MATH.md §8 for k >= 2: "there was" is a whole history at order 2; under fully synthetic training its
    // martingale residual c_m(h,w) - c_m(h) p^(m-1)(w|h) has mean 0 at every m (one comparison row per
    // group and probe); it varies between runs (a residual taken against p^(m) would be 0 in every run).
    String order2Fully = spark.read().parquet(a + "/cells")
        .where("order = 2 and paradigm = 'fully-synthetic'").first().getAs("group_id");
    List<Row> residuals = spark.read().parquet(a + "/probes").where("probe = 'there was' and residual_runs > 0")
        .collectAsList();
    assertThat(residuals).hasSize(8).allSatisfy(row -> {
      assertThat(row.<String>getAs("group_id")).isEqualTo(order2Fully);
      assertThat(row.<Long>getAs("residual_runs")).isEqualTo(6L);
    });
    assertThat(residuals).anySatisfy(row -> assertThat(row.<Double>getAs("residual_sd")).isPositive());
    List<Row> martingale = spark.read().parquet(a + "/comparison").where("check_name like 'martingale%'").collectAsList();
    assertThat(martingale).hasSize(2).allSatisfy(row -> {
      assertThat(row.<String>getAs("group_id")).isEqualTo(order2Fully);
      assertThat(row.<String>getAs("check_name")).isIn("martingale there was", "martingale there were");
      assertThat(row.<String>getAs("verdict")).isEqualTo("consistent");
      assertThat(row.<Integer>getAs("comparisons")).isEqualTo(8);
    });
    // The report: [W] Fig. 3's perplexity per corpus and order, probes at order 2, samples in report.md.
    Path figures = dir.resolve("results/single/figures");
    assertThat(figures.resolve("text-perplexity-toy-order-1.png")).isRegularFile();
    assertThat(figures.resolve("text-perplexity-toy-order-2.svg")).isRegularFile();
    assertThat(figures.resolve("text-coverage-toy-order-2.png")).isRegularFile();
    assertThat(figures.resolve("text-probe-there-was-toy-order-2.png")).isRegularFile();
    assertThat(figures.resolve("text-probe-there-was-toy-order-1.png")).doesNotExist();
    assertThat(figures.resolve("text-distinct-2-toy-order-1.png")).isRegularFile();
    String report = Files.readString(dir.resolve("results/single/report.md"));
    assertThat(report).contains("## Sample documents").contains("| toy, order 2 | fully-synthetic n=400 | 8 | there");
  }

  @Test
  void badCorporaExitWithCode2AndWriteNothing() throws Exception {
    Path good = corpusFile("good.txt", documents());
    FarmRunner.Result missing = farm("simulate", conf("missing", dir.resolve("nope*.txt").toString(), "").toString());
    assertThat(missing.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(missing.err()).startsWith("error: sweep.corpora[0].path: ").doesNotContain("\n\n");

    Path empty = corpusFile("empty.txt", List.of());
    FarmRunner.Result none = farm("simulate", conf("empty", empty.toString(), "").toString());
    assertThat(none.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(none.err()).startsWith("error: sweep.corpora[0].path: the corpus has no document");

    Path german = corpusFile("german.txt", List.of("Die Kommission ist sich des Problems bewusst und wird handeln."));
    FarmRunner.Result language = farm("simulate", conf("german", german.toString(), "").toString());
    assertThat(language.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(language.err()).startsWith("error: sweep.corpora[0].language: ");

    FarmRunner.Result probe = farm("simulate", conf("probe", good.toString(), "").toString(),
        "--set", "sweep.text.probes=[\"there zebra\"]");
    assertThat(probe.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(probe.err()).startsWith("error: sweep.text.probes: ").contains("zebra");

    FarmRunner.Result order = farm("validate", conf("order", good.toString(), "").toString(), "--set", "sweep.text.order=0");
    assertThat(order.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(order.err()).startsWith("error: sweep.text.order: ");

    FarmRunner.Result budget = farm("validate", conf("budget", good.toString(), "").toString(),
        "--set", "sweep.text.order=3", "--set", "sweep.paradigms=[{paradigm = fully-synthetic, n = 2}]");
    assertThat(budget.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(budget.err()).startsWith("error: sweep.paradigms.n: ");

    // accumulate would train on 1e6 + 2,999·1e6 tokens by M, beyond an n-gram model's int-indexed arrays; the
    // accumulate-subsample pool of 1e5 + 2,999·1e5 tokens would take 1,144 MiB: both refused before any corpus is read
    FarmRunner.Result accumulate = farm("validate", conf("accumulate", good.toString(), "").toString(),
        "--set", "sweep.max-generations=3000", "--set", "sweep.paradigms=[{paradigm = accumulate, n = 1000000, rate = 1}]");
    assertThat(accumulate.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(accumulate.err()).startsWith("error: sweep.max-generations: accumulate trains on every token")
        .contains("3,000,000,000 tokens");
    FarmRunner.Result pool = farm("validate", conf("pool", good.toString(), "").toString(),
        "--set", "sweep.max-generations=3000", "--set", "sweep.paradigms=[{paradigm = accumulate-subsample, n = 100000, rate = 1}]");
    assertThat(pool.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(pool.err()).startsWith("error: sweep.max-generations: accumulate-subsample with pool = corpora")
        .contains("1,144 MiB");

    FarmRunner.Result realN = farm("simulate", conf("realn", good.toString(), "").toString(),
        "--set", "sweep.paradigms=[{paradigm = partially-synthetic, n = 10, real-n = 100000000}]");
    assertThat(realN.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(realN.err()).startsWith("error: sweep.paradigms.real-n: ");

    assertThat(dir.resolve("results")).doesNotExist();
  }
}
