package org.collapsefarm.jobs.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one committed chunk holds: its cell count and the exact files of each of its tables, relative
 * to the chunk's attempt folder. Written last, as one small file ({@link ChunkStore#commit}); a chunk
 * without a complete manifest does not exist for any reader. Its text ({@link ManifestText}):
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
 * @param chunk the chunk number
 * @param cells the cells (runs rows) the chunk holds
 * @param attempt the name of the attempt folder under the chunk's folder
 * @param files every data file, by table
 */
public record ChunkManifest(int chunk, long cells, String attempt, List<DataFile> files) {
  static final String HEADER = "collapse-farm chunk manifest 1";

  public ChunkManifest {
    files = List.copyOf(files);
  }

  /** The manifest as text. */
  public String text() {
    return ManifestText.render(HEADER, List.of("chunk " + chunk, "cells " + cells, "attempt " + attempt), files);
  }

  /** The manifest in {@code text}, or empty when it is torn or not a manifest. */
  public static Optional<ChunkManifest> parse(String text) {
    return ManifestText.body(HEADER, text).filter(lines -> lines.size() >= 3).flatMap(lines -> {
      try {
        List<DataFile> files = new ArrayList<>();
        for (String line : lines.subList(3, lines.size())) {
          files.add(ManifestText.file(line));
        }
        return Optional.of(new ChunkManifest(Integer.parseInt(ManifestText.value(lines.get(0), "chunk")),
            Long.parseLong(ManifestText.value(lines.get(1), "cells")), ManifestText.value(lines.get(2), "attempt"),
            files));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }
}
