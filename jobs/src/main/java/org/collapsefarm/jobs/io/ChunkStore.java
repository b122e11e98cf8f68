package org.collapsefarm.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Exactly-once commits of simulation chunks that need no atomic rename, so they hold on object
 * stores (S3, GCS) as on HDFS and local disks. An attempt at chunk c writes its tables under a fresh
 * folder {@code _chunks/chunk-NNNNN/attempt-<uuid>/<table>/}; when they are complete, the attempt
 * lists its own files and writes the chunk's {@link ChunkManifest} — the exact files of each table
 * and the cell count — as one small file, {@code _chunks/_manifests/chunk-NNNNN.manifest}, last. A
 * chunk exists only through its manifest: every reader (the resume logic, the compaction) takes the
 * files the manifests name and never lists a data folder, so files of a failed attempt — half-copied
 * by a non-atomic rename, or complete but never committed — are invisible, and the next attempt at
 * the chunk deletes them ({@link #begin}). The chunk count is fixed at the first start ({@code
 * _sweep/layout.properties}) so cell → chunk assignment survives a change of defaults.
 */
public final class ChunkStore {
  public static final String CHUNKS_DIR = "_chunks";
  public static final String MANIFESTS_DIR = "_manifests";
  private static final String MANIFEST_SUFFIX = ".manifest";
  private static final Pattern MANIFEST_NAME = Pattern.compile("chunk-(\\d+)\\.manifest");
  /** The folder of killed attempts of the rename-based layout before manifests (issue 13). */
  private static final String LEGACY_TMP = "_tmp";
  private static final String CHUNKS_KEY = "chunks";

  private final ResultsFolder folder;
  private final Path chunksDir;
  private final Path manifestsDir;

  public ChunkStore(ResultsFolder folder) {
    this.folder = folder;
    this.chunksDir = new Path(folder.root(), CHUNKS_DIR);
    this.manifestsDir = new Path(chunksDir, MANIFESTS_DIR);
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

  /** The folder of chunk c's attempts. */
  public Path chunk(int c) {
    return new Path(chunksDir, name(c));
  }

  /** The manifest of chunk c. */
  public Path manifest(int c) {
    return new Path(manifestsDir, name(c) + MANIFEST_SUFFIX);
  }

  private static String name(int c) {
    return String.format(Locale.ROOT, "chunk-%05d", c);
  }

  /**
   * The committed chunks, by number: every complete manifest. (The listing is of the manifests
   * folder, whose files each appear whole; data folders are never listed.)
   */
  public TreeMap<Integer, ChunkManifest> committed() {
    TreeMap<Integer, ChunkManifest> done = new TreeMap<>();
    try {
      if (!folder.fs().exists(manifestsDir)) {
        return done;
      }
      for (FileStatus status : folder.fs().listStatus(manifestsDir)) {
        Matcher m = MANIFEST_NAME.matcher(status.getPath().getName());
        if (m.matches()) {
          int c = Integer.parseInt(m.group(1));
          folder.read(status.getPath()).flatMap(ChunkManifest::parse)
              .filter(manifest -> manifest.chunk() == c)
              .ifPresent(manifest -> done.put(c, manifest));
        }
      }
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the folder of killed attempts the rename-based layout (before manifests) left. */
  public void clearLegacyTemporary() {
    folder.delete(new Path(chunksDir, LEGACY_TMP));
  }

  /**
   * A fresh attempt folder for chunk c, after deleting whatever earlier attempts at c left: without a
   * manifest, nothing refers to them.
   */
  public Path begin(int c) {
    if (folder.exists(manifest(c))) {
      throw new IllegalStateException("chunk " + c + " is already committed");
    }
    folder.delete(chunk(c));
    return new Path(chunk(c), "attempt-" + UUID.randomUUID());
  }

  /**
   * Commits an attempt whose tables are completely written: lists the attempt's own files (Spark's
   * markers, names starting with {@code _} or {@code .}, left out) and writes the manifest, last.
   */
  public ChunkManifest commit(int c, Path attempt, long cells) {
    List<DataFile> files = new ArrayList<>();
    try {
      // <attempt>/<table>/<file>: each table's data files sit directly in its folder.
      for (FileStatus table : folder.fs().listStatus(attempt)) {
        if (ResultsFolder.hidden(table.getPath().getName())) {
          continue;
        }
        if (!table.isDirectory()) {
          throw new IOException("unexpected file in chunk attempt " + attempt + ": " + table.getPath());
        }
        files.addAll(folder.dataFiles(table.getPath(), table.getPath().getName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(java.util.Comparator.comparing(DataFile::table).thenComparing(DataFile::path));
    ChunkManifest manifest = new ChunkManifest(c, cells, attempt.getName(), files);
    folder.writeAtomically(manifest(c), manifest.text());
    return manifest;
  }

  /** Every data file of one internal table in the committed chunks, for Spark's reader. */
  public String[] tableFiles(String table) {
    List<String> paths = new ArrayList<>();
    committed().values().forEach(m -> m.files().stream().filter(f -> f.table().equals(table))
        .forEach(f -> paths.add(new Path(new Path(new Path(chunk(m.chunk()), m.attempt()), table), f.path()).toString())));
    return paths.toArray(String[]::new);
  }
}
