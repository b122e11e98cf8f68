package org.collapsefarm.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables ({@code contexts}, {@code cells}, {@code runs}, {@code generation_stats}, {@code
 * theory}, …) committed the way chunks are ({@link ChunkStore}), with no rename of a folder: a table's
 * Parquet files sit in its folder {@code <root>/<table>/}, where any Parquet reader finds them once a
 * stage has finished, but the farm reads exactly the files the table's {@link TableManifest} names,
 * {@code _tables/<table>.manifest}, written last as one small file. Every reader goes through
 * {@link #read}, never a listing of a table folder, so what a failed attempt left there (files
 * half-copied by a non-atomic rename, or complete but never committed) is never read; the next write
 * of the table deletes it.
 *
 * <p>A write appends the new files beside the committed ones (Spark names each write's files with a
 * fresh UUID), writes the manifest, then deletes the files of the previous version: at every moment
 * some manifest names complete files, so a re-run of {@code theory} or {@code compare} that dies
 * leaves the previous table readable. The encoded corpora of a text sweep ({@code
 * _corpora/<corpus id>}, not Parquet) are committed and read the same way.
 */
public final class TableStore {
  public static final String TABLES_DIR = "_tables";
  private static final String MANIFEST_SUFFIX = ".manifest";
  private static final Pattern MANIFEST_NAME = Pattern.compile("([^._].*)\\.manifest");

  private final ResultsFolder folder;
  private final Path manifestsDir;

  public TableStore(ResultsFolder folder) {
    this.folder = folder;
    this.manifestsDir = new Path(folder.root(), TABLES_DIR);
  }

  /** The manifest of table {@code name}. */
  public Path manifestPath(String name) {
    return new Path(manifestsDir, name + MANIFEST_SUFFIX);
  }

  /** The committed version of table {@code name}, if any (a torn manifest is none). */
  public Optional<TableManifest> manifest(String name) {
    return folder.read(manifestPath(name)).flatMap(TableManifest::parse).filter(m -> m.table().equals(name));
  }

  /** Whether table {@code name} is committed. */
  public boolean exists(String name) {
    return manifest(name).isPresent();
  }

  /**
   * The committed tables, sorted by name. (The listing is of the manifests folder, whose files each
   * appear whole; table folders are never listed to find what to read. The encoded corpora's
   * manifests, in its sub-folder {@code _corpora/}, are not tables.)
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    try {
      if (folder.fs().exists(manifestsDir)) {
        for (FileStatus status : folder.fs().listStatus(manifestsDir)) {
          Matcher m = MANIFEST_NAME.matcher(status.getPath().getName());
          if (m.matches() && exists(m.group(1))) {
            names.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.sort(null);
    return names;
  }

  /**
   * Table {@code name}: exactly the files its manifest names.
   *
   * @throws MissingInputException when it has no manifest (not written yet, or written by a farm
   *     before table manifests)
   */
  public Dataset<Row> read(SparkSession spark, String name) {
    return read(spark, name, null);
  }

  /**
   * Table {@code name} read with a known {@code schema} (null: Parquet's own, which Spark reads from a
   * file footer in a job of its own — a cost a stage that knows the schema need not pay).
   *
   * @throws MissingInputException as {@link #read(SparkSession, String)}
   */
  public Dataset<Row> read(SparkSession spark, String name, StructType schema) {
    String[] files = files(name).stream().map(Path::toString).toArray(String[]::new);
    return schema == null ? spark.read().parquet(files) : spark.read().schema(schema).parquet(files);
  }

  /**
   * The files of table {@code name}, exactly those its manifest names.
   *
   * @throws MissingInputException as {@link #read(SparkSession, String)}
   */
  public List<Path> files(String name) {
    TableManifest manifest = manifest(name).orElseThrow(() -> new MissingInputException(
        "no committed table '" + name + "' in " + folder.root() + " (no " + TABLES_DIR + "/" + name + MANIFEST_SUFFIX
            + "): run the stage that writes it"));
    Path dir = new Path(folder.table(name));
    return manifest.files().stream().map(f -> new Path(dir, f.path())).toList();
  }

  /**
   * Writes {@code table} as table {@code name}, replacing any committed version: deletes what failed
   * attempts left in the table's folder (whatever the manifest does not name), appends the new files,
   * writes the manifest naming them, then deletes the previous version's files.
   */
  public TableManifest write(Dataset<Row> table, String name) {
    return write(name, dir -> table.write().mode(SaveMode.Append).parquet(dir.toString()));
  }

  /** What adds a table's new files to its folder, under names no committed file has. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path dir) throws IOException;
  }

  /**
   * Commits table {@code name} whose files {@code writer} adds to the table's folder — Parquet by
   * Spark, or any other format (the encoded corpora): the same steps as {@link #write(Dataset,
   * String)}, which names every file its manifest does.
   */
  public TableManifest write(String name, FileWriter writer) {
    Path dir = new Path(folder.table(name));
    Set<String> previous = new HashSet<>();
    manifest(name).ifPresent(m -> m.files().forEach(f -> previous.add(f.path())));
    try {
      if (folder.fs().exists(dir)) {
        for (FileStatus status : folder.fs().listStatus(dir)) {
          if (!previous.contains(status.getPath().getName())) {
            folder.fs().delete(status.getPath(), true);
          }
        }
      }
      writer.write(dir);
      List<DataFile> files = folder.dataFiles(dir, name).stream().filter(f -> !previous.contains(f.path())).toList();
      if (files.isEmpty()) {
        throw new IOException("no data file was written for table " + name + " in " + dir);
      }
      TableManifest manifest = new TableManifest(name, files);
      folder.writeAtomically(manifestPath(name), manifest.text());
      for (String old : previous) {
        folder.fs().delete(new Path(dir, old), false);
      }
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
