package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.collapsefarm.jobs.report.ReportData.GenerationPoint;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The per-group figures from {@code generation_stats}: σ_m with S_m overlaid ([S] Figs. 3–4) and
 * ‖p^(m) − p^(1)‖₁, every group of a context (a few per chart). Markers are the mean over runs at
 * log-spaced generations with 95% error bars (1.96 sd/√runs); thin pale lines in the group's colour
 * are the spread of the runs themselves, mean ± 1 sd (as the shaded bands of [S] Figs. 3–4).
 */
final class CurveFigures {
  /** The legend entry of the spread bands. */
  private static final String SPREAD_KEY = "thin lines: mean ± 1 sd over runs";
  /** σ_m = Σ p_i² lies in (0, 1]: the spread band is clipped to it. */
  private static final double[] SIGMA_RANGE = {0, 1};
  /** An L1 distance between distributions lies in [0, 2]. */
  private static final double[] L1_RANGE = {0, 2};

  private final ReportData data;
  private final FigureSink sink;
  private final GenerationCurves curves;

  CurveFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
    this.curves = new GenerationCurves(data);
  }

  void draw() {
    List<GroupInfo> withStats =
        data.groups().values().stream().filter(g -> !curves.points(g).isEmpty()).toList();
    if (withStats.isEmpty()) {
      sink.skip(FigureKind.SIGMA, "the generation_stats table has no rows.");
      sink.skip(FigureKind.L1_P1, "the generation_stats table has no rows.");
    } else {
      Series.byContext(withStats).forEach((contextId, groups) -> {
        curves(FigureKind.SIGMA, "sigma", contextId, groups, "σ_m against m",
            "The mean over runs of σ_m = Σ p_i² per group, with its closed form S_m where one exists,", "σ_m = Σ p_i² (dimensionless)",
            GroupInfo::label, GenerationPoint::sigmaMean, GenerationPoint::sigmaSd, SIGMA_RANGE, "S_m");
        curves(FigureKind.L1_P1, "l1-p1", contextId, groups, "‖p^(m) − p^(1)‖₁ against m",
            "How far the models move from the first model p^(1), per group,",
            "‖p^(m) − p^(1)‖₁ (total variation × 2)", GroupInfo::label, GenerationPoint::l1P1Mean,
            GenerationPoint::l1P1Sd, L1_RANGE, null);
      });
    }
  }

  private void curves(FigureKind kind, String name, String contextId, List<GroupInfo> groups, String title,
      String caption, String yTitle, Function<GroupInfo, String> label, ToDoubleFunction<GenerationPoint> mean,
      ToDoubleFunction<GenerationPoint> sd, double[] range, String theoryQuantity) {
    List<List<GroupInfo>> slices = Series.slices(groups);
    for (int s = 0; s < slices.size(); s++) {
      List<GroupInfo> slice = slices.get(s);
      int last = curves.last(slice);
      XYChart chart = GenerationCurves.chart(title + " — " + Charts.context(slice.get(0).context()), yTitle, last);
      int colour = 0;
      double[] banded = null;
      for (GroupInfo g : slice) {
        Color c = Charts.colour(colour++);
        double[] point = curves.spread(chart, label.apply(g), g, last, mean, sd, range[0], range[1], c);
        banded = banded == null ? point : banded;
        curves.data(chart, label.apply(g), g, last, mean, sd, c, SeriesMarkers.CIRCLE);
        if (theoryQuantity != null) {
          GenerationCurves.theory(chart, label.apply(g) + ": " + theoryQuantity,
              data.theory(g.groupId(), theoryQuantity), last, c);
        }
      }
      if (banded != null) {
        Charts.spreadKey(chart, SPREAD_KEY, banded[0], banded[1]);
      }
      sink.add(kind, Series.stem(name, contextId, s, slices.size()), chart,
          caption + " for " + Charts.context(slice.get(0).context()) + Series.part(s, slices) + ".");
    }
  }
}
