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
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.text.TextSimulateTest;

/**
 * Issue 11: the text tables of a small sweep ({@code text-reference/sweep.conf}: two orders, four
 * parameter sets on {@link TextSimulateTest#documents()}), JSON lines under {@code text-reference/} in
 * the test resources, written with {@code -Dcollapsefarm.writeTextReference=<test resources folder>}
 * by {@link TextReferenceTablesTest}'s five-chunk sweep. First written by the unchunked text job of
 * main 9b67ed9, which the chunked job matched; written again when generation began to draw its
 * documents in lanes ({@link org.collapsefarm.text.NgramModel#generate}: the same law, other bits),
 * with the probes' martingale residuals added. {@code contexts}, {@code cells} (but the commit
 * chunk, which that job did not have), {@code runs} (but the wall time) and {@code samples}
 * must be the same bit for bit; {@code generation_stats} and {@code probes} with their counts exactly
 * and their sums and means up to the order of the floating-point additions (Spark merges partial sums
 * in no fixed order). Columns are compared by name: the reference's columns, in name order.
 */
public final class TextReferenceTables {
  /** Five chunks of about 10 cells, 3 partitions. */
  public static final int CHUNK_CELLS = 10;
  public static final int PARTITIONS = 3;
  /**
   * The corpus, relative to the module folder (the tests' working directory, also of the farm JVMs
   * they start): its path is part of its id, hence of every group id and seed, and must not depend on
   * where the clone is.
   */
  private static final String CORPUS = "target/text-reference/corpus.txt";
  /** Relative difference of a sum of ≤ 6 terms added in another order: a few ε; an sd of equal values is √rounding. */
  private static final double SUM_TOLERANCE = 1e-12;
  private static final double SD_TOLERANCE = 1e-7;
  private static final List<String> BIT_FOR_BIT = List.of("contexts", "cells", "runs", "samples");
  private static final List<String> UP_TO_ORDER = List.of("generation_stats", "probes");
  private static final List<String> KEYS = List.of("group_id", "generation", "probe");
  private static final List<String> IGNORED = List.of("elapsed_ns", "chunk");

  private TextReferenceTables() {}

  /** The sweep's configuration file, its corpus written to {@link #CORPUS} first. */
  public static Path conf() throws IOException, URISyntaxException {
    Path corpus = Path.of(CORPUS);
    Files.createDirectories(corpus.getParent());
    Files.write(corpus, TextSimulateTest.documents());
    return Path.of(TextReferenceTables.class.getResource("/text-reference/sweep.conf").toURI());
  }

  /** The override that puts the sweep's results under {@code output}. */
  public static String output(Path output) {
    return "sweep.output=\"" + output.toString().replace("\\", "/") + "\"";
  }

  /** Writes the reference from the tables in {@code results} (the sweep's folder) when asked to by the system property. */
  static void writeIfAsked(SparkSession spark, String results) throws IOException {
    String target = System.getProperty("collapsefarm.writeTextReference");
    if (target != null) {
      for (String table : concat(BIT_FOR_BIT, UP_TO_ORDER)) {
        Path file = Path.of(target, "text-reference", table + ".jsonl.gz");
        Files.createDirectories(file.getParent());
        Path columns = Path.of(target, "text-reference", table + ".columns.txt");
        Dataset<Row> rows = read(spark, results, table);
        // A reference written again keeps its columns (delete the list to take the table's current ones).
        if (Files.exists(columns)) {
          rows = rows.select(Files.readAllLines(columns).stream().map(functions::col).toArray(Column[]::new));
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write((String.join("\n", json(rows)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(columns, List.of(rows.columns()));
      }
    }
  }

  /** Asserts that the tables in {@code results} (the sweep's folder) are the reference's. */
  public static void assertMatch(SparkSession spark, String results) {
    assertBitForBit(spark, results);
    assertUpToOrder(spark, results);
  }

  private static void assertBitForBit(SparkSession spark, String results) {
    for (String table : BIT_FOR_BIT) {
      List<String> expected = reference(table);
      assertThat(expected).as(table).hasSizeGreaterThan(1);
      Dataset<Row> actual = read(spark, results, table).select(columnsOf(table));
      assertThat(json(actual)).as(table).containsExactlyElementsOf(expected);
    }
  }

  private static void assertUpToOrder(SparkSession spark, String results) {
    for (String table : UP_TO_ORDER) {
      Dataset<Row> actualTable = read(spark, results, table).select(columnsOf(table));
      List<Row> actual = actualTable.collectAsList();
      // The reference read with the table's own schema: "NaN" strings become doubles again.
      List<Row> expected = sorted(spark.read().schema(actualTable.schema())
          .json(spark.createDataset(reference(table), Encoders.STRING()))).collectAsList();
      assertThat(actual).as(table).hasSameSizeAs(expected).hasSizeGreaterThan(40);
      for (int i = 0; i < actual.size(); i++) {
        Row a = actual.get(i);
        Row e = expected.get(i);
        for (int c = 0; c < a.size(); c++) {
          String name = a.schema().fieldNames()[c];
          Object x = e.get(c);
          if (x instanceof Double d && !d.isNaN()) {
            double tolerance = name.endsWith("sd") ? SD_TOLERANCE : SUM_TOLERANCE;
            assertThat(a.getDouble(c)).as("%s row %d %s", table, i, name).isCloseTo(d, within(tolerance * Math.max(1, Math.abs(d))));
          } else {
            assertThat(a.get(c)).as("%s row %d %s", table, i, name).isEqualTo(x);
          }
        }
      }
    }
  }

  /** Table {@code table} of the sweep's folder {@code results}, read through its manifest like every reader of the farm. */
  private static Dataset<Row> read(SparkSession spark, String results, String table) {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(results);
    Dataset<Row> rows;
    try {
      rows = new TableStore(new ResultsFolder(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root))
          .read(spark, table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String ignored : IGNORED) {
      rows = rows.drop(ignored);
    }
    String[] names = rows.columns().clone();
    Arrays.sort(names);
    return sorted(rows.select(Arrays.stream(names).map(functions::col).toArray(Column[]::new)));
  }

  /** Rows by their key: cell_id, else (group_id, generation, probe) as far as the table has them. */
  private static Dataset<Row> sorted(Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    if (columns.contains("cell_id") && !columns.contains("generation")) {
      return rows.orderBy("cell_id");
    }
    if (columns.contains("document")) {
      return rows.orderBy("cell_id", "generation", "document");
    }
    if (!columns.contains("group_id")) {
      return rows.orderBy("context_id");
    }
    return rows.orderBy(KEYS.stream().filter(columns::contains).map(functions::col).toArray(Column[]::new));
  }

  /** The reference's columns, in name order (written beside it): the table must have them all. */
  private static Column[] columnsOf(String table) {
    return resource(table + ".columns.txt").stream().map(functions::col).toArray(Column[]::new);
  }

  private static List<String> json(Dataset<Row> rows) {
    return rows.toJSON().collectAsList();
  }

  private static List<String> reference(String table) {
    return resource(table + ".jsonl.gz");
  }

  private static List<String> resource(String name) {
    try (InputStream in = TextReferenceTables.class.getResourceAsStream("/text-reference/" + name)) {
      assertThat(in).as("reference file " + name).isNotNull();
      InputStream text = name.endsWith(".gz") ? new GZIPInputStream(in) : in;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8))) {
        return r.lines().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
