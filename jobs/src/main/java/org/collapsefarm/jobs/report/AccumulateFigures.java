package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.jobs.report.ReportData.GenerationPoint;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accumulate-subsample ([W], MATH.md §2): how far p^(m) drifts from p^(0) for each rate k, and the
 * level it settles at against k — [W]'s claim that the models collapse "whatever k", measured.
 *
 * <ul>
 *   <li>one chart per (context, pool, n): ‖p^(m) − p^(0)‖₁ against m, one series per rate k;
 *   <li>one chart per (context, n): the late-m level against k, one series per pool.
 * </ul>
 *
 * <p>The late-m level of a group is the mean of ‖p^(m) − p^(0)‖₁ over its runs and over the
 * recorded generations of the last quarter, {@link #lateFrom}(M) ≤ m ≤ M, computed from the
 * {@code generation_stats} sums: Σ_m l1_p0_sum / Σ_m runs. Its 95% interval is ± 1.96 · (mean over
 * those generations of l1_p0_sd) / √runs, the standard error of a run's average over the window
 * when its generations are perfectly correlated (Cauchy–Schwarz: the largest the variance can be),
 * so the interval is conservative.
 */
final class AccumulateFigures {
  static final String ACCUMULATE_SUBSAMPLE = "accumulate-subsample";
  static final String L1_P0_AXIS = "‖p^(m) − p^(0)‖₁ (total variation × 2)";

  /** A group's late-m level with its conservative 95% half-width and the window it averages over. */
  record LateLevel(double mean, double halfWidth, int from, int to) {}

  private final ReportData data;
  private final FigureSink sink;
  private final GenerationCurves curves;

  AccumulateFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
    this.curves = new GenerationCurves(data);
  }

  void draw() {
    List<GroupInfo> accumulate = data.groups().values().stream()
        .filter(g -> g.paradigm().equals(ACCUMULATE_SUBSAMPLE) && !curves.points(g).isEmpty())
        .sorted(Comparator.comparing(GroupInfo::contextId).thenComparingInt(GroupInfo::n)
            .thenComparing(GroupInfo::pool).thenComparing(GroupInfo::knobs).thenComparingDouble(GroupInfo::rate))
        .toList();
    if (accumulate.isEmpty()) {
      sink.skip(FigureKind.ACCUMULATE, "the sweep has no accumulate-subsample group.");
      sink.skip(FigureKind.ACCUMULATE_LEVEL, "the sweep has no accumulate-subsample group.");
      return;
    }
    Series.byContext(accumulate).forEach((contextId, groups) -> {
      for (Map.Entry<String, List<GroupInfo>> e : split(groups, g -> g.pool() + "|" + g.n() + "|" + g.knobs()).entrySet()) {
        drift(contextId, e.getValue());
      }
      for (List<GroupInfo> sameN : split(groups, g -> g.n() + "|" + g.knobs()).values()) {
        levels(contextId, sameN);
      }
    });
  }

  private void drift(String contextId, List<GroupInfo> groups) {
    GroupInfo first = groups.get(0);
    int last = curves.last(groups);
    XYChart chart = GenerationCurves.chart("‖p^(m) − p^(0)‖₁, accumulate-subsample, pool=" + first.pool() + ", n="
        + first.n() + first.knobs() + " — " + Charts.context(first.context()), L1_P0_AXIS, last);
    int colour = 0;
    for (GroupInfo g : groups) {
      curves.data(chart, "k=" + GroupLabels.number(g.rate()), g, last, GenerationPoint::l1P0Mean,
          GenerationPoint::l1P0Sd, Charts.colour(colour++), SeriesMarkers.CIRCLE);
    }
    sink.add(FigureKind.ACCUMULATE, "accumulate-" + first.pool() + "_" + contextId + "_n" + first.n() + knobStem(first),
        chart, "How far the models drift from p^(0) generation by generation, one series per rate k (pool="
            + first.pool() + ", n=" + first.n() + first.knobs() + ").");
  }

  private void levels(String contextId, List<GroupInfo> groups) {
    GroupInfo first = groups.get(0);
    XYChart chart = Charts.chart("Late ‖p^(m) − p^(0)‖₁ against the rate k, n=" + first.n() + first.knobs()
        + " — " + Charts.context(first.context()), "rate k (new samples per generation ÷ n)",
        "mean ‖p^(m) − p^(0)‖₁ over the last quarter of m");
    int colour = 0;
    List<Double> rates = new ArrayList<>();
    LateLevel window = null;
    for (List<GroupInfo> pool : split(groups, GroupInfo::pool).values()) {
      List<GroupInfo> sorted = pool.stream().sorted(Comparator.comparingDouble(GroupInfo::rate)).toList();
      List<LateLevel> level = sorted.stream().map(this::lateLevel).toList();
      window = level.get(0);
      Charts.data(chart, "pool=" + sorted.get(0).pool() + " ± 95% CI (conservative)", Series.array(sorted,
          GroupInfo::rate), Series.array(level, LateLevel::mean), Series.array(level, LateLevel::halfWidth),
          Charts.colour(colour++), colour == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
      sorted.forEach(g -> rates.add(g.rate()));
    }
    double min = rates.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    if (max / min >= 5) {
      Charts.logX(chart, min, max);
    }
    // The whole range of ‖p − q‖₁, [0, 2]: whether the level moves with k is the question, not magnified.
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(2.0);
    sink.add(FigureKind.ACCUMULATE_LEVEL, "accumulate-level_" + contextId + "_n" + first.n() + knobStem(first), chart,
        "The level ‖p^(m) − p^(0)‖₁ settles at (mean over runs and over generations " + window.from() + "–"
            + window.to() + ") against the rate k, one series per pool: flat in k means the drift does not"
            + " depend on how much data is added ([W]).");
  }

  /** The late-m level of a group (see the class comment). */
  LateLevel lateLevel(GroupInfo g) {
    List<GenerationPoint> points = curves.points(g);
    int to = points.get(points.size() - 1).generation();
    int from = lateFrom(to);
    double sum = 0;
    long runs = 0;
    double sd = 0;
    int count = 0;
    long fewest = Long.MAX_VALUE;
    for (GenerationPoint p : points) {
      if (p.generation() >= from) {
        sum += p.l1P0Sum();
        runs += p.runs();
        sd += p.runs() > 1 ? p.l1P0Sd() : 0;
        count++;
        fewest = Math.min(fewest, p.runs());
      }
    }
    return new LateLevel(sum / runs, Charts.Z95 * (sd / count) / Math.sqrt(fewest), from, to);
  }

  /** The first generation of the late window of a run capped at M: the last quarter, ⌈3M/4⌉ … M. */
  static int lateFrom(int maxGeneration) {
    return (int) Math.ceil(0.75 * maxGeneration);
  }

  private static String knobStem(GroupInfo g) {
    return g.knobs().isEmpty() ? "" : "_" + Integer.toHexString(g.knobs().hashCode());
  }

  private static Map<String, List<GroupInfo>> split(List<GroupInfo> groups,
      java.util.function.Function<GroupInfo, String> key) {
    Map<String, List<GroupInfo>> out = new LinkedHashMap<>();
    groups.forEach(g -> out.computeIfAbsent(key.apply(g), k -> new ArrayList<>()).add(g));
    return out;
  }
}
