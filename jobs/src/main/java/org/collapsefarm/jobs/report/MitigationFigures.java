package org.collapsefarm.jobs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.collapsefarm.jobs.report.ReportData.GenerationPoint;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What each mitigation knob of MATH.md §2 does (temperature τ, top-p, add-λ smoothing, the real
 * anchor; the collapse threshold ε is listed with them since it changes ρ_m): for every group of
 * settings that differ only in their knobs — same context, paradigm and paradigm parameters — two
 * charts with one series per knob setting and the neutral-knob group in black where the sweep has
 * it: the collapsed fraction ρ_m = P(T ≤ m) ({@code collapsed_fraction}, error bars from the
 * binomial sd √(ρ(1 − ρ))) and ‖p^(m) − p^(0)‖₁ against m.
 */
final class MitigationFigures {
  /** Knob settings per chart, besides the neutral group: the palette's seven colours other than black. */
  static final int KNOBS_PER_FIGURE = 6;

  private final ReportData data;
  private final FigureSink sink;
  private final GenerationCurves curves;

  MitigationFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
    this.curves = new GenerationCurves(data);
  }

  void draw() {
    Map<String, List<GroupInfo>> byBase = new LinkedHashMap<>();
    data.groups().values().stream().filter(g -> !g.knobs().isEmpty() && !curves.points(g).isEmpty())
        .forEach(g -> byBase.computeIfAbsent(g.contextId() + "|" + base(g), k -> new ArrayList<>()).add(g));
    if (byBase.isEmpty()) {
      sink.skip(FigureKind.MITIGATIONS, "no group with a knob away from its neutral value.");
      return;
    }
    byBase.forEach((key, knobbed) -> {
      GroupInfo first = knobbed.get(0);
      Optional<GroupInfo> neutral = data.groups().values().stream()
          .filter(g -> g.knobs().isEmpty() && g.contextId().equals(first.contextId()) && base(g).equals(base(first)))
          .findFirst();
      List<List<GroupInfo>> slices = Series.slices(knobbed.stream()
          .sorted(java.util.Comparator.comparing(GroupInfo::knobs)).toList(), KNOBS_PER_FIGURE);
      for (int s = 0; s < slices.size(); s++) {
        String stem = first.contextId() + "_" + Integer.toHexString(base(first).hashCode())
            + (slices.size() > 1 ? "_" + (s + 1) : "");
        chart(slices.get(s), neutral, "mitigations-rho_" + stem, "Collapsed fraction ρ_m",
            "ρ_m = P(T ≤ m), the fraction of runs collapsed by m", GenerationPoint::collapsedFraction,
            p -> Math.sqrt(p.collapsedFraction() * (1 - p.collapsedFraction())),
            "how fast the runs collapse under each knob setting");
        chart(slices.get(s), neutral, "mitigations-l1-p0_" + stem, "‖p^(m) − p^(0)‖₁", AccumulateFigures.L1_P0_AXIS,
            GenerationPoint::l1P0Mean, GenerationPoint::l1P0Sd, "how far the models drift from p^(0) under each"
                + " knob setting");
      }
    });
  }

  /** The group's label without its knobs: paradigm and parameters. */
  private static String base(GroupInfo g) {
    return g.label().substring(0, g.label().length() - g.knobs().length());
  }

  private void chart(List<GroupInfo> knobbed, Optional<GroupInfo> neutral, String stem, String quantity, String yTitle,
      ToDoubleFunction<GenerationPoint> mean, ToDoubleFunction<GenerationPoint> sd, String shows) {
    GroupInfo first = knobbed.get(0);
    List<GroupInfo> all = new ArrayList<>(knobbed);
    neutral.ifPresent(all::add);
    int last = curves.last(all);
    XYChart chart = GenerationCurves.chart(quantity + " against m, knobs of " + base(first) + " — "
        + Charts.context(first.context()), yTitle, last);
    neutral.ifPresent(g -> curves.data(chart, "neutral knobs", g, last, mean, sd, Color.BLACK, SeriesMarkers.CIRCLE));
    int colour = 0;
    for (GroupInfo g : knobbed) {
      Color c = Charts.colour(colour++);
      if (c.equals(Color.BLACK)) {
        c = Charts.colour(colour++);
      }
      curves.data(chart, g.knobs().trim(), g, last, mean, sd, c, SeriesMarkers.CIRCLE);
    }
    chart.getStyler().setYAxisMin(0.0);
    sink.add(FigureKind.MITIGATIONS, stem, chart, quantity + " against m for " + base(first) + " on "
        + Charts.context(first.context()) + ": " + shows + (neutral.isPresent() ? ", the neutral knobs in black." : "."));
  }
}
