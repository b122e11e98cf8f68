package org.collapsefarm.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.XYChart;

/**
 * Where the figure builders put their charts: each is written as PNG and SVG into the figures folder
 * and listed for report.md; a kind with nothing to draw is recorded with the reason.
 */
final class FigureSink {
  private final FileSystem fs;
  private final Path dir;
  private final List<Figure> figures = new ArrayList<>();
  private final Map<FigureKind, String> skipped = new LinkedHashMap<>();

  FigureSink(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  void add(FigureKind kind, String stem, XYChart chart, String caption) {
    Charts.save(chart, fs, dir, stem);
    figures.add(new Figure(kind, stem, chart.getTitle(), caption));
  }

  void skip(FigureKind kind, String reason) {
    skipped.put(kind, reason);
  }

  List<Figure> figures() {
    return List.copyOf(figures);
  }

  Map<FigureKind, String> skipped() {
    return Map.copyOf(skipped);
  }
}
