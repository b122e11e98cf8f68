package org.collapsefarm.jobs.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The figure files a report wrote, for the report tests. */
final class FigureFiles {
  private FigureFiles() {}

  /** The PNG file names in {@code figures}, sorted. */
  static List<String> pngs(Path figures) throws IOException {
    try (Stream<Path> s = Files.list(figures)) {
      return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".png")).sorted().toList();
    }
  }

  /** How many files of each kind: the stem's part before the first '_' (e.g. {@code simplex}). */
  static Map<String, Long> countsByKind(List<String> files) {
    return files.stream().collect(Collectors.groupingBy(f -> f.substring(0, f.indexOf('_')), Collectors.counting()));
  }
}
