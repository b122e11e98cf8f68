package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.collapsefarm.jobs.report.ReportData.CollapseSummary;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.TheoryPoint;
import org.collapsefarm.jobs.report.ReportData.TimeRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The collapse-time figures: E[T] against n per context with Theorem 1's bounds and the diffusion
 * value ([S] Fig. 2), the same on log–log axes across vocabulary sizes, the histograms of T and
 * Kaplan–Meier curves with the bounds on P(T > k) ([S] eq. 7).
 */
final class CollapseTimeFigures {
  static final String FULLY_SYNTHETIC = "fully-synthetic";
  private static final String GENERATIONS = "generations";
  /** A survival curve below this is over for the eye (one run in a thousand). */
  private static final double SURVIVAL_FLOOR = 1e-3;

  private final ReportData data;
  private final FigureSink sink;

  CollapseTimeFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
  }

  void draw() {
    List<GroupInfo> measured = data.groups().values().stream().filter(this::plainWithMeanT).toList();
    if (measured.isEmpty()) {
      sink.skip(FigureKind.ET_VS_N, "no fully-synthetic group with neutral knobs in which every run collapsed.");
      sink.skip(FigureKind.ET_LOGLOG, "no fully-synthetic group with neutral knobs in which every run collapsed.");
    } else {
      Series.byContext(measured).forEach(this::etAgainstN);
      logLog(measured);
    }
    histograms();
    survival();
  }

  /** Fully synthetic, neutral knobs, nothing censored: the plain mean of T estimates E[T]. */
  private boolean plainWithMeanT(GroupInfo g) {
    CollapseSummary c = data.collapse().get(g.groupId());
    return g.paradigm().equals(FULLY_SYNTHETIC) && g.plainKnobs() && c != null && c.censored() == 0 && c.runs() > 1;
  }

  private void etAgainstN(String contextId, List<GroupInfo> groups) {
    List<GroupInfo> sorted = groups.stream().sorted(Comparator.comparingInt(GroupInfo::n)).toList();
    XYChart chart = Charts.chart("E[T] against n — " + Charts.context(sorted.get(0).context()), "n (samples per generation)",
        "E[T] (" + GENERATIONS + ")");
    double[] n = Series.array(sorted, GroupInfo::n);
    double[] mean = Series.array(sorted, g -> data.collapse().get(g.groupId()).meanT());
    double[] ci = Series.array(sorted, g -> Charts.Z95 * data.collapse().get(g.groupId()).seT());
    Charts.data(chart, "mean T of the runs ± 95% CI", n, mean, ci, Charts.colour(0));
    scalarLine(sorted, "ET_upper").ifPresent(y -> Charts.theory(chart, "Thm 1 upper bound (eq. 8)", y[0], y[1],
        Charts.colour(1)));
    scalarLine(sorted, "ET_lower").ifPresent(y -> Charts.theory(chart, "Thm 1 lower bound (eq. 8)", y[0], y[1],
        Charts.colour(2)));
    scalarLine(sorted, "ET_diffusion").ifPresent(y -> Charts.approximation(chart, "Wright–Fisher diffusion",
        y[0], y[1], Charts.colour(3)));
    scalarLine(sorted, "ET_exact").ifPresent(y -> Charts.dataLine(chart, "exact chain", y[0], y[1],
        Charts.colour(6), XYSeries.XYSeriesRenderStyle.Line));
    // Log axes: the upper bound grows like n² and dwarfs the data on a linear axis.
    double[] all = chart.getSeriesMap().values().stream()
        .flatMapToDouble(series -> java.util.Arrays.stream(series.getYData())).filter(v -> v > 0).toArray();
    Charts.logY(chart, java.util.Arrays.stream(all).min().orElse(1), java.util.Arrays.stream(all).max().orElse(10));
    if (n[n.length - 1] / n[0] >= 10) {
      Charts.logX(chart, n[0], n[n.length - 1]);
    }
    sink.add(FigureKind.ET_VS_N, Series.stem("et-vs-n", contextId, 0, 1), chart,
        "Mean collapse time against n for " + Charts.context(sorted.get(0).context())
            + ", with Theorem 1's bounds and the diffusion value, on a log scale: the upper bound grows like n².");
  }

  /** {x = n, y = the scalar theory value} over the groups that have it, or empty. */
  private Optional<double[][]> scalarLine(List<GroupInfo> sorted, String quantity) {
    List<double[]> points = new ArrayList<>();
    for (GroupInfo g : sorted) {
      data.scalar(g.groupId(), quantity).ifPresent(v -> points.add(new double[] {g.n(), v}));
    }
    if (points.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new double[][] {Series.array(points, p -> p[0]), Series.array(points, p -> p[1])});
  }

  private void logLog(List<GroupInfo> measured) {
    XYChart chart = Charts.chart("E[T] against n, log–log, by vocabulary size V", "n (samples per generation)",
        "E[T] (" + GENERATIONS + ")");
    List<GroupInfo> byVocabulary = measured.stream()
        .sorted(Comparator.comparingInt(GroupInfo::vocabulary).thenComparing(GroupInfo::context)).toList();
    int colour = 0;
    Collection<List<GroupInfo>> contexts = Series.byContext(byVocabulary).values();
    // "V=600 power-law" names a series unless several contexts share it; then the context's parameters do.
    Map<String, Long> sharing = contexts.stream().map(c -> shortName(c.get(0)))
        .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
    for (List<GroupInfo> context : contexts) {
      List<GroupInfo> sorted = context.stream().sorted(Comparator.comparingInt(GroupInfo::n)).toList();
      GroupInfo first = sorted.get(0);
      Color c = Charts.colour(colour++);
      String name = sharing.get(shortName(first)) == 1 ? shortName(first) : Charts.context(first.context());
      Charts.data(chart, name, Series.array(sorted, GroupInfo::n),
          Series.array(sorted, g -> data.collapse().get(g.groupId()).meanT()),
          Series.array(sorted, g -> Charts.Z95 * data.collapse().get(g.groupId()).seT()), c);
      scalarLine(sorted, "ET_diffusion").ifPresent(y -> Charts.approximation(chart, name + ": diffusion", y[0], y[1], c));
    }
    Charts.logX(chart, measured.stream().mapToInt(GroupInfo::n).min().orElse(1),
        measured.stream().mapToInt(GroupInfo::n).max().orElse(10));
    double[] t = measured.stream().mapToDouble(g -> data.collapse().get(g.groupId()).meanT()).toArray();
    Charts.logY(chart, java.util.Arrays.stream(t).min().orElse(1), java.util.Arrays.stream(t).max().orElse(10));
    sink.add(FigureKind.ET_LOGLOG, "et-vs-n_loglog", chart,
        "Mean collapse time against n on log–log axes, one series per context: slope 1 is E[T] ∝ n.");
  }

  private static String shortName(GroupInfo g) {
    return "V=" + g.vocabulary() + " " + family(g.context());
  }

  private void histograms() {
    List<GroupInfo> withHistogram = data.groups().values().stream()
        .filter(g -> rows(g, "histogram").stream().anyMatch(r -> r.value() > 0)).toList();
    if (withHistogram.isEmpty()) {
      sink.skip(FigureKind.HISTOGRAM, data.collapseTimes().isEmpty()
          ? "the collapse_times table is missing (run compare first)." : "no run collapsed.");
      return;
    }
    Series.byContext(withHistogram).forEach((contextId, groups) -> {
      List<List<GroupInfo>> slices = Series.slices(groups);
      for (int s = 0; s < slices.size(); s++) {
        XYChart chart = Charts.chart("Collapse time T — " + Charts.context(groups.get(0).context()),
            "collapse time T (" + GENERATIONS + ")", "fraction of runs per generation");
        int colour = 0;
        for (GroupInfo g : slices.get(s)) {
          List<TimeRow> bins = rows(g, "histogram");
          long runs = data.collapse().get(g.groupId()).runs();
          double[] x = new double[bins.size() + 1];
          double[] y = new double[bins.size() + 1];
          for (int i = 0; i < bins.size(); i++) {
            TimeRow b = bins.get(i);
            int width = b.generationHigh() - b.generation() + 1;
            x[i] = b.generation();
            y[i] = b.value() / runs / width;
          }
          x[bins.size()] = bins.get(bins.size() - 1).generationHigh() + 1;
          y[bins.size()] = y[bins.size() - 1];
          Charts.dataLine(chart, g.label(), x, y, Charts.colour(colour++), XYSeries.XYSeriesRenderStyle.Step);
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        sink.add(FigureKind.HISTOGRAM, Series.stem("collapse-histogram", contextId, s, slices.size()), chart,
            "The distribution of the collapse time T, per group, for " + Charts.context(groups.get(0).context())
                + Series.part(s, slices) + ".");
      }
    });
  }

  private void survival() {
    List<GroupInfo> withKm = data.groups().values().stream()
        .filter(g -> !rows(g, "km_survival").isEmpty() && hasSurvivalTheory(g)).toList();
    if (withKm.isEmpty()) {
      sink.skip(FigureKind.SURVIVAL, data.collapseTimes().isEmpty()
          ? "the collapse_times table is missing (run compare first)."
          : "no group with both Kaplan–Meier rows and Theorem 1's bounds (fully synthetic, neutral knobs).");
      return;
    }
    Series.byContext(withKm).forEach((contextId, groups) -> {
      List<List<GroupInfo>> slices = Series.slices(groups);
      for (int s = 0; s < slices.size(); s++) {
        XYChart chart = Charts.chart("P(T > k) — " + Charts.context(groups.get(0).context()), "k (" + GENERATIONS + ")",
            "P(T > k)");
        int last = slices.get(s).stream().mapToInt(this::survivalEnd).max().orElse(1);
        int colour = 0;
        for (GroupInfo g : slices.get(s)) {
          Color c = Charts.colour(colour++);
          List<TimeRow> km = Series.thin(rows(g, "km_survival").stream().filter(r -> r.generation() <= last).toList(),
              TimeRow::generation, Series.MARKERS_PER_CURVE, false);
          Charts.data(chart, g.label() + ": Kaplan–Meier", Series.array(km, TimeRow::generation),
              Series.array(km, TimeRow::value), Series.array(km, r -> Charts.Z95 * r.se()), c);
          bound(chart, g, "survival_upper", g.label() + ": Thm 1 bounds", c, true, last);
          bound(chart, g, "survival_lower", g.label() + ": Thm 1 lower", c, false, last);
          List<TheoryPoint> exact = Series.thin(data.theory(g.groupId(), "survival_exact").stream()
              .filter(t -> t.generation() != null && t.generation() <= last).toList(), TheoryPoint::generation,
              Series.THEORY_POINTS, false);
          if (!exact.isEmpty()) {
            Charts.approximation(chart, g.label() + ": exact chain", Series.array(exact, TheoryPoint::generation),
                Series.array(exact, TheoryPoint::value), c);
          }
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        sink.add(FigureKind.SURVIVAL, Series.stem("survival", contextId, s, slices.size()), chart,
            "Kaplan–Meier P(T > k), per group, for " + Charts.context(groups.get(0).context())
                + Series.part(s, slices) + ", with Theorem 1's bounds on it.");
      }
    });
  }

  private boolean hasSurvivalTheory(GroupInfo g) {
    return !data.theory(g.groupId(), "survival_upper").isEmpty() || !data.theory(g.groupId(), "survival_exact").isEmpty();
  }

  /**
   * Where a survival curve has said everything: a little after the Kaplan–Meier estimate first
   * reaches {@link #SURVIVAL_FLOOR}, or its last row.
   */
  private int survivalEnd(GroupInfo g) {
    List<TimeRow> km = rows(g, "km_survival");
    for (TimeRow r : km) {
      if (r.value() <= SURVIVAL_FLOOR) {
        return Math.max(2, (int) Math.ceil(r.generation() * 1.5));
      }
    }
    return km.get(km.size() - 1).generation();
  }

  /** One Theorem 1 bound on P(T > k), clipped to [0, 1] where the bound itself is vacuous. */
  private void bound(XYChart chart, GroupInfo g, String quantity, String name, Color c, boolean inLegend, int last) {
    List<TheoryPoint> points = Series.thin(data.theory(g.groupId(), quantity).stream()
        .filter(t -> t.generation() != null && t.generation() <= last).toList(), TheoryPoint::generation,
        Series.THEORY_POINTS, false);
    if (points.isEmpty()) {
      return;
    }
    double[] y = Series.array(points, t -> Math.max(0, Math.min(1, t.value())));
    Charts.theory(chart, name, Series.array(points, TheoryPoint::generation), y, c).setShowInLegend(inLegend);
  }

  /** The family of a context label such as {@code power-law(vocabulary=600,…)}: short enough for a legend. */
  static String family(String context) {
    int paren = context.indexOf('(');
    return paren < 0 ? context : context.substring(0, paren);
  }

  private List<TimeRow> rows(GroupInfo g, String statistic) {
    return data.collapseTimes().getOrDefault(g.groupId(), List.of()).stream()
        .filter(r -> r.statistic().equals(statistic)).toList();
  }
}
