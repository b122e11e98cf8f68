package org.collapsefarm.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.collapsefarm.ParameterException;

/**
 * The distribution of the collapse time T of a group's runs with censoring handled (issue 4 item 4,
 * MATH.md §3, §5): histogram of the observed T, Kaplan–Meier {@code P(T > k)} at the requested
 * generations, KM quantiles, the restricted mean {@code E[min(T, M)]} (labelled so), the censored
 * count — and the plain mean only when no run is censored, never a mean that counts censored runs as
 * T = M.
 */
public final class CollapseTimes {
  /** The quantiles reported. */
  public static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};

  private CollapseTimes() {}

  /**
   * @param times per run: T, or M if censored
   * @param censored per run: whether T > M
   * @param maxGenerations the cap M
   * @param generations where to report KM survival (e.g. where the Theorem 1 bounds are evaluated)
   * @param bins the number of histogram bins wanted
   */
  public static List<CollapseTimeRow> rows(
      int[] times, boolean[] censored, int maxGenerations, int[] generations, int bins) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    List<CollapseTimeRow> rows = new ArrayList<>();
    KaplanMeier km = new KaplanMeier(times, censored);
    rows.add(new CollapseTimeRow("runs", null, null, null, km.runs(), Double.NaN));
    rows.add(new CollapseTimeRow("censored", null, null, null, km.censoredCount(), Double.NaN));
    for (Histogram.Bin b : Histogram.of(times, censored, maxGenerations, bins)) {
      rows.add(new CollapseTimeRow("histogram", b.low(), b.high(), null, b.count(), Double.NaN));
    }
    for (int k : generations) {
      if (k >= 0 && k <= maxGenerations) {
        rows.add(new CollapseTimeRow("km_survival", k, null, null, km.survival(k), km.standardError(k)));
      }
    }
    for (double q : QUANTILES) {
      OptionalInt t = km.quantile(q);
      rows.add(new CollapseTimeRow("quantile", null, null, q, t.isPresent() ? t.getAsInt() : Double.NaN, Double.NaN));
    }
    rows.add(new CollapseTimeRow("restricted_mean", maxGenerations, null, null, km.restrictedMean(maxGenerations),
        km.restrictedMeanStandardError(maxGenerations)));
    if (km.plainMean().isPresent() && km.runs() >= 2) {
      double[] values = new double[times.length];
      for (int i = 0; i < times.length; i++) {
        values[i] = times[i];
      }
      Estimate mean = Intervals.mean(values, Intervals.Z95);
      rows.add(new CollapseTimeRow("mean", null, null, null, mean.value(), mean.se()));
    }
    return rows;
  }
}
