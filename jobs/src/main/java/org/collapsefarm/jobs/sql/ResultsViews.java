package org.collapsefarm.jobs.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;

/**
 * Registers every committed table of a results folder ({@code <output>/<sweep>/}, DESIGN.md "Results
 * layout") as a Spark SQL temporary view of the same name. The tables are those with a manifest
 * ({@link TableStore}), each read as exactly the files its manifest names: what a failed attempt left
 * in a table folder is not read.
 */
public final class ResultsViews {
  private ResultsViews() {}

  /** The committed table names of the results folder {@code root}, sorted; empty when there are none. */
  public static List<String> tables(FileSystem fs, Path root) {
    return new TableStore(new ResultsFolder(fs, root)).names();
  }

  /** Registers each table of {@code root} as a temp view; returns the names registered. */
  public static List<String> register(SparkSession spark, FileSystem fs, Path root) {
    TableStore tables = new TableStore(new ResultsFolder(fs, root));
    List<String> names = tables.names();
    for (String name : names) {
      tables.read(spark, name).createOrReplaceTempView(name);
    }
    return names;
  }

  /**
   * The sweep folders under an output folder {@code base}, sorted: its sub-folders, those starting
   * with {@code _} or {@code .} left out.
   */
  public static List<String> sweeps(FileSystem fs, Path base) {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(base)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && !name.startsWith("_") && !name.startsWith(".")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.sort(null);
    return names;
  }
}
