package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.collapsefarm.jobs.report.ReportData.GenerationPoint;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.TheoryPoint;
import org.knowm.xchart.XYChart;

/**
 * The per-generation figures from {@code generation_stats}: σ_m with S_m overlaid ([S] Figs. 3–4, 6),
 * ‖p^(m) − p^(1)‖₁, and for accumulate-subsample ‖p^(m) − p^(0)‖₁ per rate k ([W]). Markers are the
 * mean over runs at log-spaced generations with 95% error bars (1.96 sd/√runs).
 */
final class CurveFigures {
  static final String ACCUMULATE_SUBSAMPLE = "accumulate-subsample";
  private static final String GENERATION_AXIS = "generation m";

  private final ReportData data;
  private final FigureSink sink;

  CurveFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
  }

  void draw() {
    List<GroupInfo> withStats =
        data.groups().values().stream().filter(g -> !points(g).isEmpty()).toList();
    if (withStats.isEmpty()) {
      sink.skip(FigureKind.SIGMA, "the generation_stats table has no rows.");
      sink.skip(FigureKind.L1_P1, "the generation_stats table has no rows.");
    } else {
      Series.byContext(withStats).forEach((contextId, groups) -> {
        curves(FigureKind.SIGMA, "sigma", contextId, groups, "σ_m against m", "σ_m = Σ p_i² (dimensionless)",
            GroupInfo::label, GenerationPoint::sigmaMean, GenerationPoint::sigmaSd, "S_m");
        curves(FigureKind.L1_P1, "l1-p1", contextId, groups, "‖p^(m) − p^(1)‖₁ against m",
            "‖p^(m) − p^(1)‖₁ (total variation × 2)", GroupInfo::label, GenerationPoint::l1P1Mean,
            GenerationPoint::l1P1Sd, null);
      });
    }
    List<GroupInfo> accumulate = withStats.stream().filter(g -> g.paradigm().equals(ACCUMULATE_SUBSAMPLE))
        .sorted(Comparator.comparing(GroupInfo::contextId).thenComparing(GroupInfo::pool)
            .thenComparingDouble(GroupInfo::rate))
        .toList();
    if (accumulate.isEmpty()) {
      sink.skip(FigureKind.ACCUMULATE, "the sweep has no accumulate-subsample group.");
      return;
    }
    Series.byContext(accumulate).forEach((contextId, groups) -> {
      for (String pool : groups.stream().map(GroupInfo::pool).distinct().toList()) {
        List<GroupInfo> ofPool = groups.stream().filter(g -> g.pool().equals(pool)).toList();
        curves(FigureKind.ACCUMULATE, "accumulate-" + pool, contextId, ofPool,
            "‖p^(m) − p^(0)‖₁ against m, accumulate-subsample, pool=" + pool, "‖p^(m) − p^(0)‖₁ (total variation × 2)",
            g -> "k=" + GroupLabels.number(g.rate()) + " n=" + g.n(), GenerationPoint::l1P0Mean,
            GenerationPoint::l1P0Sd, null);
      }
    });
  }

  private void curves(FigureKind kind, String name, String contextId, List<GroupInfo> groups, String title,
      String yTitle, Function<GroupInfo, String> label, ToDoubleFunction<GenerationPoint> mean,
      ToDoubleFunction<GenerationPoint> sd, String theoryQuantity) {
    List<List<GroupInfo>> slices = Series.slices(groups);
    for (int s = 0; s < slices.size(); s++) {
      List<GroupInfo> slice = slices.get(s);
      int last = slice.stream().mapToInt(this::lastInformative).max().orElse(1);
      boolean log = last > Series.LOG_AXIS_FROM;
      XYChart chart = Charts.chart(title + " — " + slice.get(0).context(),
          GENERATION_AXIS + (log ? " (log scale)" : ""), yTitle);
      chart.getStyler().setXAxisLogarithmic(log);
      int colour = 0;
      for (GroupInfo g : slice) {
        Color c = Charts.colour(colour++);
        int first = log ? 1 : 0;
        List<GenerationPoint> range = points(g).stream()
            .filter(p -> p.generation() >= first && p.generation() <= last && Double.isFinite(mean.applyAsDouble(p)))
            .toList();
        if (range.isEmpty()) {
          continue;
        }
        List<GenerationPoint> shown =
            Series.thin(range, GenerationPoint::generation, Series.MARKERS_PER_CURVE, log);
        Charts.data(chart, label.apply(g), Series.array(shown, p -> p.generation()), Series.array(shown, mean),
            Series.array(shown, p -> Charts.Z95 * sd.applyAsDouble(p) / Math.sqrt(p.runs())), c);
        if (theoryQuantity != null) {
          List<TheoryPoint> theory = Series.thin(data.theory(g.groupId(), theoryQuantity).stream()
              .filter(t -> t.generation() != null && t.generation() >= first && t.generation() <= last).toList(),
              TheoryPoint::generation, Series.THEORY_POINTS, log);
          if (!theory.isEmpty()) {
            Charts.theory(chart, label.apply(g) + ": " + theoryQuantity, Series.array(theory, TheoryPoint::generation),
                Series.array(theory, TheoryPoint::value), c);
          }
        }
      }
      sink.add(kind, Series.stem(name, contextId, s, slices.size()), chart, kind.key());
    }
  }

  /**
   * The last generation worth drawing: once every run is absorbed the curves are flat and known
   * exactly (MATH.md §3), so a group stops a little after the first generation with ρ_m = 1;
   * otherwise at its last recorded generation.
   */
  private int lastInformative(GroupInfo g) {
    List<GenerationPoint> points = points(g);
    for (GenerationPoint p : points) {
      if (p.collapsedFraction() >= 1.0) {
        return Math.min(points.get(points.size() - 1).generation(), Math.max(2, (int) Math.ceil(p.generation() * 1.2)));
      }
    }
    return points.get(points.size() - 1).generation();
  }

  private List<GenerationPoint> points(GroupInfo g) {
    return data.generations().getOrDefault(g.groupId(), List.of());
  }
}
