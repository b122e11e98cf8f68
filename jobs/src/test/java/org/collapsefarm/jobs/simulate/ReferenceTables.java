package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.collapsefarm.jobs.RunsTables;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.measure.Metric;

/**
 * The tables of {@code reference/sweep.conf} as written by the code of main 1467f9e, which built
 * every cell on the driver (JSON lines under {@code reference/} in the test resources, written once
 * with {@code -Dcollapsefarm.writeReference=<test resources folder>} before cells moved to the
 * executors, issue 13). {@code cells}, {@code runs} (but the wall time) and {@code trajectories} must
 * be the same bit for bit; {@code generation_stats}' counts exactly and its sums up to the order of
 * the floating-point additions (Spark merges partial sums in no fixed order, so not even two runs of
 * the same code agree on the last bit there).
 */
final class ReferenceTables {
  /** Six chunks of 30 cells and 3 partitions, as when the reference was written. */
  static final int CHUNK_CELLS = 30;
  static final int PARTITIONS = 3;
  /** Relative difference of a sum of ≤ 9 terms added in another order: a few ε. */
  private static final double SUM_TOLERANCE = 1e-12;
  private static final List<String> EXACT_STATS = List.of("group_id", "generation", "runs", "collapsed_by", "collapsed");
  private static final List<String> BIT_FOR_BIT = List.of(Tables.CELLS, Tables.RUNS, Tables.TRAJECTORIES);

  private ReferenceTables() {}

  /** The reference sweep with its results under {@code output} (a local path or any Hadoop URI). */
  static Sweep sweep(String output) {
    try {
      Path conf = Path.of(ReferenceTables.class.getResource("/reference/sweep.conf").toURI());
      return SweepLoader.load(conf, List.of("sweep.output=\"" + output.replace("\\", "/") + "\""));
    } catch (URISyntaxException | org.collapsefarm.jobs.config.ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the reference from the tables in {@code folder} when asked to by the system property. */
  static void writeIfAsked(SparkSession spark, ResultsFolder folder) throws IOException {
    String target = System.getProperty("collapsefarm.writeReference");
    if (target != null) {
      for (String table : List.of(Tables.CELLS, Tables.RUNS, Tables.TRAJECTORIES, Tables.GENERATION_STATS)) {
        Path file = Path.of(target, "reference", table + ".jsonl.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write((String.join("\n", json(spark, folder, table)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** Asserts that {@code cells}, {@code runs} and {@code trajectories} in {@code folder} are the reference bit for bit. */
  static void assertBitForBit(SparkSession spark, ResultsFolder folder) {
    assertBitForBit(spark, folder, BIT_FOR_BIT);
  }

  /** Asserts that {@code tables} (some of {@code cells}, {@code runs}, {@code trajectories}) are the reference bit for bit. */
  static void assertBitForBit(SparkSession spark, ResultsFolder folder, List<String> tables) {
    for (String table : tables) {
      List<String> expected = reference(table);
      assertThat(expected).as(table).hasSizeGreaterThan(100);
      assertThat(json(spark, folder, table)).as(table).containsExactlyElementsOf(expected);
    }
  }

  /** Asserts that {@code generation_stats} in {@code folder} is the reference up to the order of additions. */
  static void assertStatsMatch(SparkSession spark, ResultsFolder folder) {
    Dataset<Row> table = new TableStore(folder).read(spark, Tables.GENERATION_STATS).select(statsColumns());
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

  /** A table's rows as JSON, sorted by its key; runs without the wall time, stats counts and sums only. */
  private static List<String> json(SparkSession spark, ResultsFolder folder, String table) {
    Dataset<Row> rows = new TableStore(folder).read(spark, table);
    Dataset<Row> sorted = switch (table) {
      // "family" came later (issue 12: model families beside the categorical contexts); its other new
      // columns are null for a categorical context, and toJSON leaves nulls out.
      case Tables.RUNS -> rows.drop(RunsTables.TIMING).drop("family").orderBy("cell_id");
      case Tables.CELLS -> rows.drop("family").orderBy("cell_id");
      case Tables.TRAJECTORIES -> rows.orderBy("cell_id", "generation");
      default -> rows.select(statsColumns()).orderBy("group_id", "generation");
    };
    return sorted.toJSON().collectAsList();
  }

  /** The counts and the sums of generation_stats (means and sds follow from them). */
  private static Column[] statsColumns() {
    List<String> names = new ArrayList<>(EXACT_STATS);
    for (Metric metric : Metric.values()) {
      names.add(Tables.sumColumn(metric));
      names.add(Tables.sumSqColumn(metric));
    }
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  private static List<String> reference(String table) {
    try (InputStream in = ReferenceTables.class.getResourceAsStream("/reference/" + table + ".jsonl.gz");
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
