package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.jobs.report.ReportData.GenerationPoint;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.TheoryPoint;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.SourceMode;
import org.collapsefarm.theory.SeddikTheorem1;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * [S] Fig. 6: training on the K most recent generations, or on generations sampled at random,
 * slows collapse. One chart per (context, n): σ_m against m with a series per window K (a colour
 * per K, a marker per allocation: circles split, squares literal) and per randomly-sampled source
 * mode (triangles), the fully synthetic runs of the same context and n in black where the sweep has
 * them, and fully synthetic S_m ([S] Thm 1 eq. 6, computed from the context's S_0 in the
 * {@code contexts} table) as the dashed reference.
 */
final class WindowFigures {
  static final String MOST_RECENT = "most-recent";
  static final String RANDOMLY_SAMPLED = "randomly-sampled";
  private static final Color BLACK = Color.BLACK;

  private final ReportData data;
  private final FigureSink sink;
  private final GenerationCurves curves;

  WindowFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
    this.curves = new GenerationCurves(data);
  }

  void draw() {
    List<GroupInfo> windows = data.groups().values().stream()
        .filter(g -> (g.paradigm().equals(MOST_RECENT) || g.paradigm().equals(RANDOMLY_SAMPLED))
            && !curves.points(g).isEmpty())
        .toList();
    if (windows.isEmpty()) {
      sink.skip(FigureKind.WINDOWS, "the sweep has no most-recent or randomly-sampled group.");
      return;
    }
    Map<String, List<GroupInfo>> byKey = new LinkedHashMap<>();
    windows.forEach(g -> byKey.computeIfAbsent(key(g), k -> new ArrayList<>()).add(g));
    byKey.values().forEach(this::chart);
  }

  private static String key(GroupInfo g) {
    return g.contextId() + "|" + g.n() + "|" + g.knobs();
  }

  private void chart(List<GroupInfo> groups) {
    GroupInfo first = groups.get(0);
    List<GroupInfo> mostRecent = groups.stream().filter(g -> g.paradigm().equals(MOST_RECENT))
        .sorted(Comparator.comparingInt(GroupInfo::window).thenComparing(GroupInfo::allocation)).toList();
    List<GroupInfo> random = groups.stream().filter(g -> g.paradigm().equals(RANDOMLY_SAMPLED))
        .sorted(Comparator.comparing(GroupInfo::source)).toList();
    List<GroupInfo> fully = data.groups().values().stream()
        .filter(g -> g.paradigm().equals(CollapseTimeFigures.FULLY_SYNTHETIC) && key(g).equals(key(first))).toList();
    List<GroupInfo> all = new ArrayList<>(groups);
    all.addAll(fully);
    int last = curves.last(all);
    XYChart chart = GenerationCurves.chart("σ_m against m, most recent K and randomly sampled, n=" + first.n()
        + first.knobs() + " — " + Charts.context(first.context()), "σ_m = Σ p_i² (dimensionless)", last);
    for (GroupInfo g : fully) {
      curves.data(chart, "fully synthetic", g, last, GenerationPoint::sigmaMean, GenerationPoint::sigmaSd, BLACK,
          SeriesMarkers.CIRCLE);
    }
    List<Integer> ks = mostRecent.stream().map(GroupInfo::window).distinct().toList();
    for (GroupInfo g : mostRecent) {
      curves.data(chart, "most recent K=" + g.window() + " " + g.allocation(), g, last, GenerationPoint::sigmaMean,
          GenerationPoint::sigmaSd, colour(ks.indexOf(g.window())), allocationMarker(g.allocation()));
    }
    int next = ks.size();
    for (GroupInfo g : random) {
      curves.data(chart, "randomly sampled " + g.source(), g, last, GenerationPoint::sigmaMean,
          GenerationPoint::sigmaSd, colour(next++), sourceMarker(g.source()));
    }
    if (first.plainKnobs()) {
      SeddikTheorem1 theorem = new SeddikTheorem1(first.s0(), first.support(), first.n());
      List<TheoryPoint> sm = curves.points(first).stream().filter(p -> p.generation() <= last)
          .map(p -> new TheoryPoint(p.generation(), "S_m", theorem.expectedSigma(p.generation()))).toList();
      GenerationCurves.theory(chart, "fully synthetic S_m (Thm 1 eq. 6)", sm, last, BLACK);
    }
    chart.getStyler().setYAxisMax(1.0);
    sink.add(FigureKind.WINDOWS, "windows_" + first.contextId() + "_n" + first.n()
            + (first.knobs().isEmpty() ? "" : "_" + Integer.toHexString(first.knobs().hashCode())), chart,
        "σ_m for every window K and random-sampling mode at n=" + first.n() + first.knobs() + " for "
            + Charts.context(first.context()) + ", against the fully synthetic S_m: the slower σ_m rises to 1,"
            + " the later the collapse.");
  }

  /** Series colours, skipping the black reserved for fully synthetic. */
  private static Color colour(int i) {
    Color c = Charts.colour(i);
    return c.equals(BLACK) ? Charts.colour(i + 1) : c;
  }

  private static Marker allocationMarker(String allocation) {
    return allocation.equals(Allocation.LITERAL.configName()) ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE;
  }

  private static Marker sourceMarker(String source) {
    return source.equals(SourceMode.PER_GENERATION.configName()) ? SeriesMarkers.TRIANGLE_DOWN : SeriesMarkers.TRIANGLE_UP;
  }
}
