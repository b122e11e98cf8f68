package org.collapsefarm.jobs.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one committed chunk holds: its cell count and the exact files of each of its tables, relative
 * to the chunk's attempt folder. Written last, as one small file ({@link ChunkStore#commit}); a chunk
 * without a complete manifest does not exist for any reader.
 *
 * <pre>
 * collapse-farm chunk manifest 1
 * chunk 3
 * cells 1234
 * attempt attempt-5f0c…
 * file runs part-00000-….snappy.parquet 48213
 * …
 * end 7
 * </pre>
 *
 * The last line counts the lines before it, so a torn copy (possible where a file is visible while
 * it is written) reads as no manifest at all.
 *
 * @param chunk the chunk number
 * @param cells the cells (runs rows) the chunk holds
 * @param attempt the name of the attempt folder under the chunk's folder
 * @param files every data file, by table
 */
public record ChunkManifest(int chunk, long cells, String attempt, List<DataFile> files) {
  static final String HEADER = "collapse-farm chunk manifest 1";

  /**
   * One data file.
   *
   * @param table the (internal) table it belongs to
   * @param path its path relative to the table folder of the attempt
   * @param bytes its length
   */
  public record DataFile(String table, String path, long bytes) {}

  public ChunkManifest {
    files = List.copyOf(files);
  }

  /** The manifest as text. */
  public String text() {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add("chunk " + chunk);
    lines.add("cells " + cells);
    lines.add("attempt " + attempt);
    for (DataFile f : files) {
      lines.add("file " + f.table() + " " + f.path() + " " + f.bytes());
    }
    return String.join("\n", lines) + "\nend " + lines.size() + "\n";
  }

  /** The manifest in {@code text}, or empty when it is torn or not a manifest. */
  public static Optional<ChunkManifest> parse(String text) {
    String[] lines = text.split("\n");
    if (lines.length < 5 || !lines[0].equals(HEADER) || !lines[lines.length - 1].equals("end " + (lines.length - 1))) {
      return Optional.empty();
    }
    try {
      int chunk = Integer.parseInt(value(lines[1], "chunk"));
      long cells = Long.parseLong(value(lines[2], "cells"));
      String attempt = value(lines[3], "attempt");
      List<DataFile> files = new ArrayList<>();
      for (int i = 4; i < lines.length - 1; i++) {
        String[] f = value(lines[i], "file").split(" ");
        if (f.length != 3) {
          return Optional.empty();
        }
        files.add(new DataFile(f[0], f[1], Long.parseLong(f[2])));
      }
      return Optional.of(new ChunkManifest(chunk, cells, attempt, files));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String value(String line, String key) {
    if (!line.startsWith(key + " ")) {
      throw new IllegalArgumentException("expected '" + key + " …', got " + line);
    }
    return line.substring(key.length() + 1);
  }
}
