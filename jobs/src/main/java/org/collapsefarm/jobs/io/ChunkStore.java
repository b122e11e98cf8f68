package org.collapsefarm.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Exactly-once commits of simulation chunks. A chunk's tables are written under {@code
 * _chunks/_tmp/<chunk>-<uuid>/}; a {@code _COMMITTED} marker is added last and the whole directory
 * is renamed to {@code _chunks/chunk-NNNNN/} — one directory rename, atomic on local file systems and
 * HDFS. A killed attempt leaves only a temporary directory, which the next start deletes; a
 * committed chunk is never recomputed. The chunk count is fixed at the first start ({@code
 * _sweep/layout.properties}) so cell → chunk assignment survives a change of defaults.
 */
public final class ChunkStore {
  public static final String CHUNKS_DIR = "_chunks";
  public static final String COMMITTED = "_COMMITTED";
  private static final String TMP = "_tmp";
  private static final String CHUNKS_KEY = "chunks";

  private final ResultsFolder folder;
  private final Path chunksDir;

  public ChunkStore(ResultsFolder folder) {
    this.folder = folder;
    this.chunksDir = new Path(folder.root(), CHUNKS_DIR);
  }

  /**
   * The sweep's chunk count: the recorded one when the sweep was started before, else {@code
   * proposed}, recorded now.
   */
  public int chunkCount(int proposed) {
    Path layout = folder.sweepFile(ResultsFolder.LAYOUT);
    return folder
        .read(layout)
        .map(ChunkStore::parseChunks)
        .orElseGet(
            () -> {
              folder.writeAtomically(layout, CHUNKS_KEY + "=" + proposed + "\n");
              return proposed;
            });
  }

  private static int parseChunks(String text) {
    Properties p = new Properties();
    try {
      p.load(new java.io.StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Integer.parseInt(p.getProperty(CHUNKS_KEY).trim());
  }

  /** The final directory of chunk c. */
  public Path chunk(int c) {
    return new Path(chunksDir, String.format(Locale.ROOT, "chunk-%05d", c));
  }

  /** Deletes what killed attempts left behind. */
  public void clearTemporary() {
    folder.delete(new Path(chunksDir, TMP));
  }

  /** The committed chunk numbers. */
  public TreeSet<Integer> committed() {
    TreeSet<Integer> done = new TreeSet<>();
    try {
      if (!folder.fs().exists(chunksDir)) {
        return done;
      }
      for (FileStatus status : folder.fs().listStatus(chunksDir)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith("chunk-")) {
          if (folder.fs().exists(new Path(status.getPath(), COMMITTED))) {
            done.add(Integer.parseInt(name.substring("chunk-".length())));
          } else {
            // Only possible on a store without atomic rename: treat as not done.
            folder.delete(status.getPath());
          }
        }
      }
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh temporary directory for an attempt at chunk c. */
  public Path begin(int c) {
    return new Path(new Path(chunksDir, TMP), chunk(c).getName() + "-" + UUID.randomUUID());
  }

  /** Marks the attempt complete and renames it into place. */
  public void commit(int c, Path attempt) {
    try {
      folder.writeAtomically(new Path(attempt, COMMITTED), "");
      if (!folder.fs().rename(attempt, chunk(c))) {
        throw new IOException("could not commit " + attempt + " as " + chunk(c));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One internal table's folder in every committed chunk, for Spark's reader. */
  public String[] tablePaths(String table) {
    return committed().stream().map(c -> new Path(chunk(c), table).toString()).toArray(String[]::new);
  }
}
