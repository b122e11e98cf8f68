package org.collapsefarm.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code farm sql} in-process on real Parquet tables written into a results folder: every table is
 * a view, each output format, and bad input as one line with exit 2.
 */
class SqlCommandTest {
  @TempDir static Path dir;
  static Path root;

  private record Result(int code, String out, String err) {}

  @BeforeAll
  static void tables() throws Exception {
    SparkSession spark = TestSpark.session();
    root = dir.resolve("results").resolve("sweep");
    StructType runs = new StructType().add("group_id", DataTypes.StringType).add("n", DataTypes.IntegerType)
        .add("collapse_time", DataTypes.IntegerType, true).add("note", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("g1", 10, 17, "plain"));
    rows.add(RowFactory.create("g2", 50, null, "has, comma and \"quote\""));
    for (int i = 0; i < 58; i++) {
      rows.add(RowFactory.create("g3", 5, i, "x".repeat(100)));
    }
    TableStore tables = new TableStore(new ResultsFolder(dir.resolve("results").toString(), "sweep",
        spark.sparkContext().hadoopConfiguration()));
    tables.write(spark.createDataFrame(rows, runs).coalesce(1), "runs");
    StructType cells = new StructType().add("group_id", DataTypes.StringType).add("paradigm", DataTypes.StringType);
    tables.write(spark.createDataFrame(List.of(RowFactory.create("g1", "fully-synthetic"),
        RowFactory.create("g2", "accumulate")), cells).coalesce(1), "cells");
    // bookkeeping folders are not tables, nor is a folder without a manifest
    Files.createDirectories(root.resolve("figures"));
    Files.writeString(root.resolve("figures").resolve("x.parquet"), "not parquet");
    Files.createDirectories(root.resolve("_sweep"));
    Files.writeString(root.resolve("_sweep").resolve("definition.conf"), "sweep {}");
  }

  private static Result farm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CommandLines.create(new Farm());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Result sql(String query, String... more) {
    List<String> args = new ArrayList<>(List.of("sql", query, "--results", root.toString()));
    args.addAll(List.of(more));
    return farm(args.toArray(String[]::new));
  }

  @Test
  void tableFormatAlignsColumnsAndCountsRows() {
    Result r = sql("SELECT r.group_id, c.paradigm, r.n, r.collapse_time FROM runs r JOIN cells c USING (group_id)"
        + " ORDER BY r.n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "group_id  paradigm         n   collapse_time",
        "--------  ---------------  --  -------------",
        "g1        fully-synthetic  10  17",
        "g2        accumulate       50  NULL",
        "(2 rows)");
  }

  @Test
  void tableFormatTruncatesLongResultsAndLongCells() {
    Result r = sql("SELECT n, note FROM runs WHERE group_id = 'g3' ORDER BY collapse_time");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2 + OutputFormat.TABLE_ROWS + 1);
    assertThat(lines.get(lines.size() - 1)).startsWith("(58 rows; first 50 shown");
    assertThat(lines.get(2)).isEqualTo("5  " + "x".repeat(OutputFormat.TABLE_CELL_WIDTH - 1) + "…");
  }

  @Test
  void csvHasAHeaderQuotesFieldsAndPrintsEveryRow() {
    Result r = sql("SELECT group_id, collapse_time, note FROM runs WHERE n >= 10 ORDER BY n", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "group_id,collapse_time,note",
        "g1,17,plain",
        "g2,,\"has, comma and \"\"quote\"\"\"");
    Result all = sql("SELECT * FROM runs", "--format", "CSV");
    assertThat(all.out().lines().count()).isEqualTo(1 + 60);
  }

  @Test
  void jsonPrintsOneObjectPerRow() {
    Result r = sql("SELECT group_id, n FROM runs WHERE n >= 10 ORDER BY n", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("{\"group_id\":\"g1\",\"n\":10}",
        "{\"group_id\":\"g2\",\"n\":50}");
  }

  @Test
  void badQueriesAreOneLineAndExitTwo() {
    for (String query : List.of("SELEC * FROM runs", "SELECT nope FROM runs", "SELECT * FROM _sweep",
        "SELECT * FROM no_such_table")) {
      Result r = sql(query);
      assertThat(r.code()).as(query + ": " + r.err()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
      assertThat(r.err().lines().toList()).as(query).hasSize(1);
      assertThat(r.err()).as(query).startsWith("error: sql: ");
      assertThat(r.out()).as(query).isEmpty();
    }
    assertThat(sql("SELECT nope FROM runs").err()).contains("nope");
  }

  @Test
  void runtimeErrorsOfTheQueryAreOneLineAndExitTwo() {
    // ANSI mode (Spark 4's default): folded on the driver, or raised in a task on the table's rows
    List<List<String>> cases = List.of(
        List.of("SELECT 1/0", "DIVIDE_BY_ZERO"),
        List.of("SELECT n / (n - n) FROM runs", "DIVIDE_BY_ZERO"),
        List.of("SELECT CAST(note AS INT) FROM runs", "CAST_INVALID_INPUT"),
        List.of("SELECT CAST(n AS BIGINT) * 9223372036854775807 FROM runs", "ARITHMETIC_OVERFLOW"),
        List.of("SELECT CAST(n AS TINYINT) * CAST(100 AS TINYINT) FROM runs", "ARITHMETIC_OVERFLOW"));
    for (List<String> c : cases) {
      for (String format : List.of("table", "csv", "json")) {
        Result r = sql(c.get(0), "--format", format);
        String what = c.get(0) + " as " + format + ": " + r.err();
        assertThat(r.code()).as(what).isEqualTo(CommandLines.EXIT_BAD_INPUT);
        assertThat(r.err().lines().toList()).as(what).singleElement().asString()
            .startsWith("error: sql: ").contains(c.get(1)).doesNotContain("Exception");
        assertThat(r.out()).as(what).isEmpty();
      }
    }
  }

  @Test
  void missingFolderOrUnknownFormatExitTwoNamingIt() {
    Path missing = dir.resolve("no-such-results");
    Result r = farm("sql", "SELECT 1", "--results", missing.toString());
    assertThat(r.code()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(r.err()).startsWith("error: --results: ").contains(missing.toString()).hasLineCount(1);
    Result f = sql("SELECT 1", "--format", "xml");
    assertThat(f.code()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(f.err()).startsWith("error: --format: unknown format 'xml'").contains("table, csv, json");
  }
}
