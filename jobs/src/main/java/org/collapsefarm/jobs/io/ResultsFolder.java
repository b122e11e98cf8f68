package org.collapsefarm.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A sweep's results folder {@code <output>/<name>/} through Hadoop's FileSystem API, so the same code
 * serves local paths, {@code file:} and {@code hdfs://} URIs. Holds the {@code _sweep/} markers and
 * the small atomic-write primitive everything else commits with.
 *
 * <pre>
 * &lt;output&gt;/&lt;name&gt;/
 *   _sweep/definition.conf, definition.sha256   which sweep these results belong to (contract)
 *   _sweep/layout.properties                    the chunk count, fixed at the first start
 *   _sweep/finalized                            all chunks committed and the tables compacted
 *   _chunks/_manifests/chunk-00000.manifest …  committed chunks: their files ({@link ChunkStore})
 *   _chunks/chunk-00000/attempt-&lt;uuid&gt;/ …       the chunks' data, visible only through a manifest
 *   _tables/runs.manifest …                     committed tables: their files ({@link TableStore})
 *   contexts/ cells/ runs/ generation_stats/ trajectories/ theory/ …   the tables (Parquet), read
 *                                                through their manifests
 * </pre>
 */
public final class ResultsFolder {
  public static final String SWEEP_DIR = "_sweep";
  public static final String DEFINITION = "definition.conf";
  public static final String DEFINITION_HASH = "definition.sha256";
  public static final String LAYOUT = "layout.properties";
  public static final String FINALIZED = "finalized";

  private final FileSystem fs;
  private final Path root;

  public ResultsFolder(String output, String sweepName, Configuration hadoop) {
    try {
      Path base = new Path(output);
      this.fs = base.getFileSystem(hadoop);
      this.root = fs.makeQualified(new Path(base, sweepName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The results folder at {@code root} (qualified here) of file system {@code fs}. */
  public ResultsFolder(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = fs.makeQualified(root);
  }

  public FileSystem fs() {
    return fs;
  }

  /** {@code <output>/<name>}, fully qualified. */
  public Path root() {
    return root;
  }

  /** The folder of a table, as a string Spark's reader and writer accept. */
  public String table(String name) {
    return new Path(root, name).toString();
  }

  public Path sweepFile(String name) {
    return new Path(new Path(root, SWEEP_DIR), name);
  }

  /**
   * Writes the definition marker (contract with farmconfig's OutputCheck): the definition text, then
   * its hash — each atomically, the hash last, so a present hash always describes a complete text.
   * An existing identical marker is left alone.
   */
  public void writeDefinition(String definition, String hash) {
    Optional<String> existing = read(sweepFile(DEFINITION_HASH));
    if (existing.isPresent()) {
      if (!existing.get().trim().equals(hash)) {
        throw new IllegalStateException(
            root + " holds results of a different sweep definition (" + existing.get().trim() + ")");
      }
      return;
    }
    writeAtomically(sweepFile(DEFINITION), definition);
    writeAtomically(sweepFile(DEFINITION_HASH), hash + "\n");
  }

  /** The text of a file, or empty when it does not exist. */
  public Optional<String> read(Path file) {
    try {
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(file)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code text} to a temporary sibling and renames it onto {@code target}: readers see the
   * old file or the whole new one, never a torn write.
   */
  public void writeAtomically(Path target, String text) {
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    try {
      fs.mkdirs(target.getParent());
      try (FSDataOutputStream out = fs.create(tmp, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("could not rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The data files directly in folder {@code dir}, as files of {@code table}, sorted by name: Spark's
   * markers and hidden files (names starting with {@code _} or {@code .}) left out; a sub-folder is
   * an error (no table is partitioned into folders).
   */
  public List<DataFile> dataFiles(Path dir, String table) {
    List<DataFile> files = new ArrayList<>();
    try {
      for (FileStatus file : fs.listStatus(dir)) {
        if (!hidden(file.getPath().getName())) {
          if (!file.isFile()) {
            throw new IOException("unexpected folder in table folder " + dir + ": " + file.getPath());
          }
          files.add(new DataFile(table, file.getPath().getName(), file.getLen()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(Comparator.comparing(DataFile::path));
    return files;
  }

  /** Spark's markers ({@code _SUCCESS}, {@code _temporary}) and hidden files: never data. */
  static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  public boolean exists(Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete(Path path) {
    try {
      fs.delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
