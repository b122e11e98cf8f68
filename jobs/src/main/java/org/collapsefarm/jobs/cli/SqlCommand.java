package org.collapsefarm.jobs.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.spark.Logging;
import org.collapsefarm.jobs.spark.SparkSessions;
import org.collapsefarm.jobs.sql.OutputFormat;
import org.collapsefarm.jobs.sql.ResultsViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code farm sql "<query>"}: every table of a results folder as a Spark SQL view of the same name
 * (DESIGN.md "Commands"). A bad query (parse error, unknown table or column, or an error at run
 * time such as a division by zero) is bad input: one line {@code error: sql: …}, exit 2.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run a Spark SQL query on a results folder; each table is a view of the same name.")
public final class SqlCommand implements Callable<Integer> {
  /** Where {@code run} writes by default; searched when {@code --results} is not given. */
  static final String DEFAULT_OUTPUT = "results";

  @ParentCommand Farm farm;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<query>", description = "The SQL query, e.g. \"SELECT * FROM runs\".")
  String query;

  @Option(names = "--results", paramLabel = "<dir>",
      description = "The results folder <output>/<sweep>; default: the only sweep under ./results.")
  String results;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
      description = "table (aligned, first " + OutputFormat.TABLE_ROWS + " rows), csv (with header) or json (lines).")
  String format;

  @Option(names = "--master", paramLabel = "<url>", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() throws ConfigException, IOException {
    OutputFormat outputFormat = format(format);
    Configuration hadoop = new Configuration();
    Path root = resultsFolder(results, hadoop);
    FileSystem fs = root.getFileSystem(hadoop);
    if (ResultsViews.tables(fs, root).isEmpty()) {
      throw new ConfigException("--results", root + " holds no tables");
    }
    if (farm.verbose()) {
      Logging.verbose();
    }
    try (SparkSessions.Lease lease =
        SparkSessions.session(SparkSessions.conf("collapse-farm sql", master, Map.of()))) {
      query(lease.spark(), fs, root, query, outputFormat, spec);
    }
    return 0;
  }

  /**
   * Registers the views and prints the query's result. Every error the query itself raises is a
   * {@link ConfigException} (one line {@code error: sql: …}, exit 2): analysis (parse errors,
   * unknown tables or columns) and run time alike (division by zero, invalid casts, overflow under
   * ANSI mode), whether Spark raises it on the driver (constant folding) or in a task.
   */
  static void query(SparkSession spark, FileSystem fs, Path root, String query, OutputFormat format,
      CommandSpec spec) throws ConfigException {
    ResultsViews.register(spark, fs, root);
    try {
      Dataset<Row> result = spark.sql(query);
      // Analysis is lazy for some statements; forcing the schema surfaces unknown columns here.
      result.schema();
      format.print(result, spec.commandLine().getOut());
    } catch (Exception e) {
      // Scala throws AnalysisException (a checked exception) and the others without declaring them.
      Throwable cause = queryError(e);
      if (cause == null) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      throw new ConfigException("sql", firstLine(cause.getMessage()));
    }
  }

  /**
   * The error a user's query raised, or null for anything else (a bug or an infrastructure failure):
   * the first throwable in the cause chain that is an {@link AnalysisException} (parse errors
   * included) or has a Spark error condition that is not an internal error. A task's error reaches
   * the driver as a SparkException "Job aborted …" (no condition) with the task's exception as its
   * cause.
   */
  static Throwable queryError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AnalysisException
          || t instanceof SparkThrowable s && s.getCondition() != null && !s.isInternalError()) {
        return t;
      }
    }
    return null;
  }

  static OutputFormat format(String name) throws ConfigException {
    for (OutputFormat f : OutputFormat.values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new ConfigException("--format", "unknown format '" + name + "'", "table, csv, json");
  }

  /** {@code dir} qualified, or the only sweep folder under ./results; exit 2 naming the path otherwise. */
  static Path resultsFolder(String dir, Configuration hadoop) throws ConfigException, IOException {
    if (dir != null) {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.isDirectory(root)) {
        throw new ConfigException("--results", fs.makeQualified(root) + " is not a results folder (no such directory)");
      }
      return fs.makeQualified(root);
    }
    Path base = new Path(DEFAULT_OUTPUT);
    FileSystem fs = base.getFileSystem(hadoop);
    Path qualified = fs.makeQualified(base);
    if (!fs.isDirectory(base)) {
      throw new ConfigException("--results", "not given and " + qualified + " does not exist");
    }
    List<String> sweeps = ResultsViews.sweeps(fs, base);
    if (sweeps.size() != 1) {
      throw new ConfigException("--results", "not given and " + qualified + " holds "
          + (sweeps.isEmpty() ? "no sweep" : sweeps.size() + " sweeps"), sweeps.isEmpty() ? null
          : String.join(", ", sweeps.stream().map(s -> DEFAULT_OUTPUT + "/" + s).toList()));
    }
    return fs.makeQualified(new Path(base, sweeps.get(0)));
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }
}
