package org.collapsefarm.jobs.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.CorpusEntry;
import org.collapsefarm.text.BuiltinCorpus;

/**
 * A corpus's documents as an RDD of strings, read by Spark on the executors (DESIGN.md: a corpus of
 * 10^9 tokens never passes through the driver): {@code lines} with Spark's text source (a document
 * per line; {@code .gz} and other Hadoop codecs, globs and folders as Spark reads them),
 * {@code paragraphs} with its whole-file mode split at blank lines, {@code parquet} from one string
 * column. The built-in corpus is read from the application jar by one task.
 */
final class CorpusReader {
  /** A blank line: a line break, optional white space, another line break. */
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\r?\\n[ \\t\\x0B\\f\\r]*\\n");

  private CorpusReader() {}

  /** The documents; {@code key} names the corpus's configuration entry in errors. */
  static JavaRDD<String> documents(SparkSession spark, CorpusEntry corpus, String key) throws ConfigException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (corpus.builtin()) {
      return jsc.parallelize(List.of(0), 1).flatMap(i -> BuiltinCorpus.documents().iterator());
    }
    checkReadable(spark, corpus.path(), key + ".path");
    return switch (corpus.format()) {
      case "lines" -> spark.read().text(corpus.path()).javaRDD().map(r -> r.getString(0));
      case "paragraphs" -> spark.read().option("wholetext", true).text(corpus.path()).javaRDD()
          .flatMap(r -> Arrays.stream(PARAGRAPH_BREAK.split(r.getString(0))).filter(p -> !p.isBlank()).iterator());
      case "parquet" -> parquet(spark, corpus, key);
      default -> throw new ConfigException(key + ".format", "unknown value '" + corpus.format() + "'",
          String.join(", ", CorpusEntry.FORMATS));
    };
  }

  private static JavaRDD<String> parquet(SparkSession spark, CorpusEntry corpus, String key) throws ConfigException {
    Dataset<Row> table;
    try {
      table = spark.read().parquet(corpus.path());
    } catch (RuntimeException e) {
      throw new ConfigException(key + ".path", "cannot be read as Parquet: " + e.getMessage());
    }
    StructField field = Arrays.stream(table.schema().fields()).filter(f -> f.name().equals(corpus.column()))
        .findFirst().orElse(null);
    if (field == null || !field.dataType().equals(DataTypes.StringType)) {
      throw new ConfigException(key + ".column", "'" + corpus.column() + "' is not a string column of "
          + corpus.path(), String.join(", ", stringColumns(table)));
    }
    return table.select(corpus.column()).javaRDD().filter(r -> !r.isNullAt(0)).map(r -> r.getString(0));
  }

  private static List<String> stringColumns(Dataset<Row> table) {
    List<String> out = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      if (f.dataType().equals(DataTypes.StringType)) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** Throws unless the path (or glob) names at least one readable file or folder. */
  static void checkReadable(SparkSession spark, String location, String key) throws ConfigException {
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] found = fs.globStatus(path);
      if (found == null || found.length == 0) {
        throw new ConfigException(key, "'" + location + "' does not exist", "a file, folder or glob that matches files");
      }
      for (FileStatus f : found) {
        if (f.isFile()) {
          fs.open(f.getPath()).close();
        } else {
          fs.listStatus(f.getPath());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(key, "'" + location + "' cannot be read: " + e.getMessage(), "a readable path");
    }
  }
}
