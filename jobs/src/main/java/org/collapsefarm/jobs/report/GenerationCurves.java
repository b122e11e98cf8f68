package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.collapsefarm.jobs.report.ReportData.GenerationPoint;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.TheoryPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;

/**
 * Curves against the generation m from {@code generation_stats}, shared by the per-generation
 * figures: the generation axis (logarithmic past {@link Series#LOG_AXIS_FROM}), the mean over runs as
 * markers with 95% error bars (1.96 sd/√runs) at about {@link Series#MARKERS_PER_CURVE} generations,
 * and closed forms as dashed lines.
 */
final class GenerationCurves {
  static final String AXIS = "generation m";

  private final ReportData data;

  GenerationCurves(ReportData data) {
    this.data = data;
  }

  List<GenerationPoint> points(GroupInfo g) {
    return data.generations().getOrDefault(g.groupId(), List.of());
  }

  /** The last generation worth drawing for these groups (see {@link #lastInformative}). */
  int last(List<GroupInfo> groups) {
    return groups.stream().filter(g -> !points(g).isEmpty()).mapToInt(this::lastInformative).max().orElse(1);
  }

  /**
   * The last generation worth drawing: once every run is absorbed the curves are flat and known
   * exactly (MATH.md §3), so a group stops a little after the first generation with ρ_m = 1;
   * otherwise at its last recorded generation.
   */
  int lastInformative(GroupInfo g) {
    List<GenerationPoint> points = points(g);
    for (GenerationPoint p : points) {
      if (p.collapsedFraction() >= 1.0) {
        return Math.min(points.get(points.size() - 1).generation(), Math.max(2, (int) Math.ceil(p.generation() * 1.2)));
      }
    }
    return points.get(points.size() - 1).generation();
  }

  static boolean log(int last) {
    return last > Series.LOG_AXIS_FROM;
  }

  /** A chart whose x axis is the generation, up to {@code last}. */
  static XYChart chart(String title, String yTitle, int last) {
    boolean log = log(last);
    XYChart chart = Charts.chart(title, AXIS + (log ? " (log scale)" : ""), yTitle);
    chart.getStyler().setXAxisLogarithmic(log);
    return chart;
  }

  /**
   * The group's mean over runs of a measurement up to {@code last}, with 95% error bars when
   * {@code sd} is given; nothing when the measurement is not finite (e.g. not applicable).
   */
  void data(XYChart chart, String name, GroupInfo g, int last, ToDoubleFunction<GenerationPoint> mean,
      ToDoubleFunction<GenerationPoint> sd, Color colour, Marker marker) {
    boolean log = log(last);
    List<GenerationPoint> range = drawable(g, last, p -> Double.isFinite(mean.applyAsDouble(p)));
    if (range.isEmpty()) {
      return;
    }
    List<GenerationPoint> shown = Series.thin(range, GenerationPoint::generation, Series.MARKERS_PER_CURVE, log);
    double[] halfWidth = sd == null ? null
        : Series.array(shown, p -> Charts.Z95 * sd.applyAsDouble(p) / Math.sqrt(p.runs()));
    Charts.data(chart, name, Series.array(shown, GenerationPoint::generation), Series.array(shown, mean), halfWidth,
        colour, marker);
  }

  /**
   * The spread over runs of the group's measurement (not the uncertainty of its mean): two thin pale
   * lines at mean ± 1 sd, clipped to the measurement's range [lo, hi], through up to {@link
   * Series#THEORY_POINTS} generations; nothing where the sd is not finite (a single run). Returns a
   * point of the band (x, y) for {@link Charts#spreadKey}, or null if nothing was drawn.
   */
  double[] spread(XYChart chart, String name, GroupInfo g, int last, ToDoubleFunction<GenerationPoint> mean,
      ToDoubleFunction<GenerationPoint> sd, double lo, double hi, Color colour) {
    boolean log = log(last);
    List<GenerationPoint> range = drawable(g, last, p -> p.runs() > 1
        && Double.isFinite(mean.applyAsDouble(p)) && Double.isFinite(sd.applyAsDouble(p)));
    if (range.size() < 2) {
      return null;
    }
    List<GenerationPoint> shown = Series.thin(range, GenerationPoint::generation, Series.THEORY_POINTS, log);
    double[] x = Series.array(shown, GenerationPoint::generation);
    double[] upper = Series.array(shown, p -> Math.min(hi, mean.applyAsDouble(p) + sd.applyAsDouble(p)));
    double[] lower = Series.array(shown, p -> Math.max(lo, mean.applyAsDouble(p) - sd.applyAsDouble(p)));
    Charts.spreadEdge(chart, name + ": mean + sd", x, upper, colour);
    Charts.spreadEdge(chart, name + ": mean − sd", x, lower, colour);
    return new double[] {x[0], upper[0]};
  }

  /**
   * The group's points on the generation axis up to {@code last} (from m = 1 on a log axis) that
   * {@code keep} accepts.
   */
  private List<GenerationPoint> drawable(GroupInfo g, int last, Predicate<GenerationPoint> keep) {
    int first = log(last) ? 1 : 0;
    return points(g).stream()
        .filter(p -> p.generation() >= first && p.generation() <= last && keep.test(p))
        .toList();
  }

  /** A closed form of the generation (rows with a generation) as a dashed line up to {@code last}. */
  static void theory(XYChart chart, String name, List<TheoryPoint> rows, int last, Color colour) {
    boolean log = log(last);
    int first = log ? 1 : 0;
    List<TheoryPoint> shown = Series.thin(rows.stream()
        .filter(t -> t.generation() != null && t.generation() >= first && t.generation() <= last).toList(),
        TheoryPoint::generation, Series.THEORY_POINTS, log);
    if (!shown.isEmpty()) {
      Charts.theory(chart, name, Series.array(shown, TheoryPoint::generation), Series.array(shown, TheoryPoint::value),
          colour);
    }
  }
}
