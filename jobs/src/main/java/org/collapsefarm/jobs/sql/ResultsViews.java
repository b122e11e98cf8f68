package org.collapsefarm.jobs.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Registers every table folder of a results folder ({@code <output>/<sweep>/}, DESIGN.md "Results
 * layout") as a Spark SQL temporary view of the same name. Folders starting with {@code _} or
 * {@code .} are the farm's bookkeeping ({@code _sweep}, {@code _chunks}, {@code _tmp}), and
 * {@code figures} holds images: neither is a table.
 */
public final class ResultsViews {
  /** The report's image folder inside a results folder; not a table. */
  public static final String FIGURES = "figures";

  private ResultsViews() {}

  /** The table names under {@code root}, sorted; empty when there are none. */
  public static List<String> tables(FileSystem fs, Path root) {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(root)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && !name.startsWith("_") && !name.startsWith(".") && !name.equals(FIGURES)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.sort(null);
    return names;
  }

  /** Registers each table of {@code root} as a temp view; returns the names registered. */
  public static List<String> register(SparkSession spark, FileSystem fs, Path root) {
    List<String> names = tables(fs, root);
    for (String name : names) {
      spark.read().parquet(new Path(root, name).toString()).createOrReplaceTempView(name);
    }
    return names;
  }
}
