package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.report.FamilyData.FamilyGroup;
import org.collapsefarm.jobs.report.FamilyData.FamilyPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The model families' figures (MATH.md §7, issue 12 item 6), as Collapse-or-Thrive draws its Gaussian
 * panels: one chart per model (family, d, estimator or rate) and paradigm setting, one colour per n,
 * the mean over runs as markers with its 95% band (mean ± 1.96 sd/√runs from {@code generation_stats},
 * pale lines) and the exact expectation of the {@code theory} table of the same name dashed. Nothing
 * here assumes d = 1: a group is whatever {@code sweep.models} entry it came from, and each chart
 * draws the measurement columns the group's rows have.
 */
final class FamilyFigures {
  /** The legend entry of the bands. */
  static final String BAND_KEY = "pale lines: 95% band of the mean";

  /**
   * A measurement drawn against m: the {@code generation_stats} column, the theory quantity that is its
   * exact expectation, the range its band is clipped to, and whether the chart shows 1 − the mean (the
   * Poisson survival from the indicator rate_zero).
   */
  enum Measure {
    VAR_RATIO(FigureKind.FAMILY_MOMENTS, "var_ratio", "var_ratio", "family-var-ratio", "var_ratio",
        "σ²_m/σ_0² (tr Σ_m/tr Σ_0 when d > 1)", 0, Double.POSITIVE_INFINITY, false, Measure::gaussian),
    W2_SQ(FigureKind.FAMILY_MOMENTS, "w2_sq", "w2_sq", "family-w2-sq", "W2²", "W2² between the model and the truth",
        0, Double.POSITIVE_INFINITY, false, Measure::gaussian),
    LOG_VAR(FigureKind.FAMILY_LOG_VAR, "log_var", "log_var", "family-log-var", "log_var",
        "ln σ²_m (ln tr Σ_m when d > 1)",
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, Measure::gaussian),
    /** At d = 1 it is log_var − ln σ_0², the same curve shifted: drawn only where it says more. */
    LOG_DET_RATIO(FigureKind.FAMILY_LOG_VAR, "log_det_ratio", "log_det_ratio", "family-log-det-ratio",
        "log_det_ratio", "ln det Σ_m/det Σ_0", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false,
        g -> gaussian(g) && g.dimension() > 1),
    SURVIVAL(FigureKind.POISSON_SURVIVAL, "rate_zero", "rate_alive", "poisson-survival", "P(T > m)",
        "P(T > m) = P(λ_m ≠ 0)", 0, 1, true, g -> FamilySpec.POISSON.equals(g.family()));

    final FigureKind kind;
    final String column;
    final String theory;
    final String stem;
    final String title;
    final String axis;
    final double lo;
    final double hi;
    final boolean complement;
    final Predicate<FamilyGroup> appliesTo;

    Measure(FigureKind kind, String column, String theory, String stem, String title, String axis, double lo,
        double hi, boolean complement, Predicate<FamilyGroup> appliesTo) {
      this.kind = kind;
      this.column = column;
      this.theory = theory;
      this.stem = stem;
      this.title = title;
      this.axis = axis;
      this.lo = lo;
      this.hi = hi;
      this.complement = complement;
      this.appliesTo = appliesTo;
    }

    private static boolean gaussian(FamilyGroup g) {
      return FamilySpec.GAUSSIAN.equals(g.family());
    }

    /** The value drawn for a generation's mean. */
    double value(FamilyPoint p) {
      double mean = p.mean(column);
      return complement ? 1 - mean : mean;
    }
  }

  /**
   * A group's curve of one measurement, at every generation with a finite mean up to the last drawn:
   * the mean and its 95% band [low, high] clipped to the measurement's range (the band is the mean
   * itself where the sd is undefined, a single run).
   */
  record Curve(double[] generation, double[] mean, double[] low, double[] high) {}

  private final FamilyData families;
  private final ReportData data;
  private final FigureSink sink;

  FamilyFigures(FamilyData families, ReportData data, FigureSink sink) {
    this.families = families;
    this.data = data;
    this.sink = sink;
  }

  void draw() {
    for (FigureKind kind : List.of(FigureKind.FAMILY_MOMENTS, FigureKind.FAMILY_LOG_VAR, FigureKind.POISSON_SURVIVAL)) {
      boolean poisson = kind == FigureKind.POISSON_SURVIVAL;
      sink.skip(kind, "the sweep has no " + (poisson ? "Poisson" : "Gaussian") + " model (sweep.models) with"
          + " generation_stats rows.");
    }
    for (Measure measure : Measure.values()) {
      charts(measure).forEach((key, groups) -> draw(measure, groups));
    }
  }

  /** The groups a measure applies to, per chart: model and setting. */
  Map<String, List<FamilyGroup>> charts(Measure measure) {
    Map<String, List<FamilyGroup>> out = new LinkedHashMap<>();
    for (FamilyGroup g : families.groups().values()) {
      if (measure.appliesTo.test(g) && families.points(g).stream().anyMatch(p -> Double.isFinite(p.mean(measure.column)))) {
        out.computeIfAbsent(g.contextId() + "|" + g.setting(), k -> new ArrayList<>()).add(g);
      }
    }
    return out;
  }

  /** The last generation of these groups' rows. */
  int last(List<FamilyGroup> groups) {
    return groups.stream().flatMap(g -> families.points(g).stream()).mapToInt(FamilyPoint::generation).max()
        .orElse(1);
  }

  /** The group's curve of {@code measure} up to {@code last} (from m = 1 on a log axis). */
  Curve curve(FamilyGroup g, Measure measure, int last) {
    int first = GenerationCurves.log(last) ? 1 : 0;
    List<FamilyPoint> points = families.points(g).stream()
        .filter(p -> p.generation() >= first && p.generation() <= last && Double.isFinite(p.mean(measure.column)))
        .toList();
    double[] half = Series.array(points, p -> p.runs() > 1 && Double.isFinite(p.sd(measure.column))
        ? Charts.Z95 * p.sd(measure.column) / Math.sqrt(p.runs()) : 0);
    double[] mean = Series.array(points, measure::value);
    double[] low = new double[mean.length];
    double[] high = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      low[i] = Math.max(measure.lo, mean[i] - half[i]);
      high[i] = Math.min(measure.hi, mean[i] + half[i]);
    }
    return new Curve(Series.array(points, FamilyPoint::generation), mean, low, high);
  }

  private void draw(Measure measure, List<FamilyGroup> groups) {
    List<List<FamilyGroup>> slices = Series.slices(groups);
    for (int s = 0; s < slices.size(); s++) {
      XYChart chart = chart(measure, slices.get(s));
      FamilyGroup first = groups.get(0);
      sink.add(measure.kind, measure.stem + "_" + first.contextId() + "_" + Series.slug(first.setting())
          + (slices.size() > 1 ? "_" + (s + 1) : ""), chart, measure.title + " (" + measure.axis + ") against m for " + first.model() + " ("
          + first.source() + "), " + first.setting() + Series.part(s, slices) + ".");
    }
  }

  /** One chart: per group (n) its markers, its band and its exact curve where the theory table has one. */
  XYChart chart(Measure measure, List<FamilyGroup> groups) {
    FamilyGroup first = groups.get(0);
    int last = last(groups);
    boolean log = GenerationCurves.log(last);
    XYChart chart = GenerationCurves.chart(measure.title + " against m — " + first.model() + " · " + first.setting(),
        measure.axis + ", mean over runs", last);
    double[] keyPoint = null;
    int colour = 0;
    for (FamilyGroup g : groups) {
      Color c = Charts.colour(colour++);
      String name = "n=" + g.n();
      Curve curve = curve(g, measure, last);
      if (curve.generation().length == 0) {
        continue;
      }
      List<Integer> band = Series.thin(indices(curve), i -> (int) curve.generation()[i], Series.THEORY_POINTS, log);
      double[] x = pick(curve.generation(), band);
      Charts.spreadEdge(chart, name + ": 95% band high", x, pick(curve.high(), band), c);
      Charts.spreadEdge(chart, name + ": 95% band low", x, pick(curve.low(), band), c);
      keyPoint = keyPoint != null ? keyPoint : new double[] {x[0], curve.high()[band.get(0)]};
      List<Integer> markers = Series.thin(indices(curve), i -> (int) curve.generation()[i], Series.MARKERS_PER_CURVE, log);
      Charts.data(chart, name, pick(curve.generation(), markers), pick(curve.mean(), markers), null, c,
          SeriesMarkers.CIRCLE);
      GenerationCurves.theory(chart, name + ": exact", data.theory(g.groupId(), measure.theory), last, c);
    }
    if (keyPoint != null) {
      Charts.spreadKey(chart, BAND_KEY, keyPoint[0], keyPoint[1]);
    }
    return chart;
  }

  private static List<Integer> indices(Curve curve) {
    List<Integer> out = new ArrayList<>(curve.generation().length);
    for (int i = 0; i < curve.generation().length; i++) {
      out.add(i);
    }
    return out;
  }

  private static double[] pick(double[] values, List<Integer> at) {
    return at.stream().mapToDouble(i -> values[i]).toArray();
  }
}
