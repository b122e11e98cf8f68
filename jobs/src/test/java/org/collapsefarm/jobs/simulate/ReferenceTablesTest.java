package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.RunsTables;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.measure.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 1: the tables of {@code reference/sweep.conf} are those written by the code of main
 * 1467f9e, which built every cell on the driver (kept as JSON lines under {@code reference/}, written
 * once with {@code -Dcollapsefarm.writeReference=<test resources folder>} before cells moved to the
 * executors). {@code cells}, {@code runs} (but the wall time) and {@code trajectories} must be the same
 * bit for bit; {@code generation_stats}' counts exactly and its sums up to the order of the
 * floating-point additions (Spark merges partial sums in no fixed order, so not even two runs of the
 * same code agree on the last bit there).
 */
class ReferenceTablesTest {
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);
  /** Six chunks of 30 cells and 3 partitions, as when the reference was written. */
  private static final int CHUNK_CELLS = 30;
  private static final int PARTITIONS = 3;
  /** Relative difference of a sum of ≤ 9 terms added in another order: a few ε. */
  private static final double SUM_TOLERANCE = 1e-12;
  private static final List<String> EXACT_STATS = List.of("group_id", "generation", "runs", "collapsed_by", "collapsed");

  @TempDir static Path dir;
  static SparkSession spark;
  static SimulateJob.Outcome outcome;

  @BeforeAll
  static void simulate() throws Exception {
    spark = TestSpark.session();
    Path conf = Path.of(ReferenceTablesTest.class.getResource("/reference/sweep.conf").toURI());
    Sweep sweep = SweepLoader.load(conf, List.of("sweep.output=\"" + dir.toString().replace("\\", "/") + "\""));
    outcome = SimulateJob.run(spark, sweep, new SimulateJob.Options(PARTITIONS, CHUNK_CELLS, QUIET));
    String target = System.getProperty("collapsefarm.writeReference");
    if (target != null) {
      for (String table : List.of(Tables.CELLS, Tables.RUNS, Tables.TRAJECTORIES, Tables.GENERATION_STATS)) {
        write(Path.of(target, "reference", table + ".jsonl.gz"), json(table));
      }
    }
  }

  /** A table's rows as JSON, sorted by its key; runs without the wall time. */
  private static List<String> json(String table) {
    Dataset<Row> rows = spark.read().parquet(outcome.folder().table(table));
    Dataset<Row> sorted = switch (table) {
      case Tables.RUNS -> rows.drop(RunsTables.TIMING).orderBy("cell_id");
      case Tables.CELLS -> rows.orderBy("cell_id");
      case Tables.TRAJECTORIES -> rows.orderBy("cell_id", "generation");
      default -> rows.select(statsColumns()).orderBy("group_id", "generation");
    };
    return sorted.toJSON().collectAsList();
  }

  /** The counts and the sums of generation_stats (means and sds follow from them). */
  private static org.apache.spark.sql.Column[] statsColumns() {
    List<String> names = new java.util.ArrayList<>(EXACT_STATS);
    for (Metric metric : Metric.values()) {
      names.add(Tables.sumColumn(metric));
      names.add(Tables.sumSqColumn(metric));
    }
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<String> reference(String table) throws IOException {
    try (InputStream in = ReferenceTablesTest.class.getResourceAsStream("/reference/" + table + ".jsonl.gz");
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  @Test
  void cellsRunsAndTrajectoriesAreTheReferenceBitForBit() throws IOException {
    for (String table : List.of(Tables.CELLS, Tables.RUNS, Tables.TRAJECTORIES)) {
      List<String> expected = reference(table);
      assertThat(expected).as(table).hasSizeGreaterThan(100);
      assertThat(json(table)).as(table).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void generationStatsAreTheReferenceUpToTheOrderOfAdditions() throws IOException {
    Dataset<Row> table = spark.read().parquet(outcome.folder().table(Tables.GENERATION_STATS)).select(statsColumns());
    List<Row> actual = table.orderBy("group_id", "generation").collectAsList();
    // The reference read with the table's own schema: "NaN" strings become doubles again.
    List<Row> expected = spark.read().schema(table.schema())
        .json(spark.createDataset(reference(Tables.GENERATION_STATS), Encoders.STRING()))
        .orderBy("group_id", "generation").collectAsList();
    assertThat(actual).hasSameSizeAs(expected).hasSizeGreaterThan(100);
    for (int i = 0; i < actual.size(); i++) {
      Row a = actual.get(i);
      Row e = expected.get(i);
      for (String exact : EXACT_STATS) {
        assertThat(a.<Object>getAs(exact)).as(exact).isEqualTo(e.getAs(exact));
      }
      for (int c = EXACT_STATS.size(); c < a.size(); c++) {
        double x = e.getDouble(c);
        if (Double.isNaN(x)) {
          assertThat(a.getDouble(c)).isNaN();
        } else {
          assertThat(a.getDouble(c)).as(a.schema().fields()[c].name())
              .isCloseTo(x, within(SUM_TOLERANCE * Math.max(1, Math.abs(x))));
        }
      }
    }
  }
}
