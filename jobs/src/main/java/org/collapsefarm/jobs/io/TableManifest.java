package org.collapsefarm.jobs.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exact files of one result table ({@code runs}, {@code generation_stats}, {@code theory}, …),
 * relative to its folder {@code <root>/<table>/}. Written last, as one small file ({@link
 * TableStore#write}); the farm reads a table only through its manifest. Its text ({@link
 * ManifestText}):
 *
 * <pre>
 * collapse-farm table manifest 1
 * table runs
 * file runs part-00000-….snappy.parquet 48213
 * …
 * end 4
 * </pre>
 *
 * @param table the table's name
 * @param files its data files
 */
public record TableManifest(String table, List<DataFile> files) {
  static final String HEADER = "collapse-farm table manifest 1";

  public TableManifest {
    files = List.copyOf(files);
  }

  /** The manifest as text. */
  public String text() {
    return ManifestText.render(HEADER, List.of("table " + table), files);
  }

  /** The manifest in {@code text}, or empty when it is torn or not a table manifest. */
  public static Optional<TableManifest> parse(String text) {
    return ManifestText.body(HEADER, text).filter(lines -> !lines.isEmpty()).flatMap(lines -> {
      try {
        String table = ManifestText.value(lines.get(0), "table");
        List<DataFile> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
          DataFile f = ManifestText.file(line);
          if (!f.table().equals(table)) {
            return Optional.empty();
          }
          files.add(f);
        }
        return Optional.of(new TableManifest(table, files));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }
}
