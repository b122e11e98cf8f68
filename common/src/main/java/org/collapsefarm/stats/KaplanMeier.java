package org.collapsefarm.stats;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.collapsefarm.ParameterException;

/**
 * The Kaplan–Meier estimate of {@code P(T > k)} for a discrete collapse time T >= 1 with right
 * censoring (MATH.md §3, §5): a run stopped at its cap M before collapse is censored, known only to
 * have {@code T > M}, and stays in the risk set up to and including M. With distinct collapse times
 * {@code t_j}, {@code d_j} collapses at {@code t_j} and {@code n_j} runs at risk (collapse time or
 * censoring time >= {@code t_j}): {@code Ŝ(k) = Π_{t_j <= k} (1 − d_j/n_j)}, with Greenwood's variance
 * {@code Ŝ(k)² Σ_{t_j <= k} d_j/(n_j(n_j − d_j))}.
 *
 * <p>The restricted mean {@code E[min(T, M)] = Σ_{k=0}^{M−1} P(T > k)} is estimated by the same sum
 * of Ŝ, with the delta-method (Greenwood-type) variance {@code Σ_{t_j < M} A_j² d_j/(n_j(n_j − d_j))},
 * {@code A_j = Σ_{k=t_j}^{M−1} Ŝ(k)}. The plain mean of T exists only when nothing is censored.
 */
public final class KaplanMeier {
  /** Slack for comparing a product of ratios with 1 − q in {@link #quantile} (rounding only). */
  private static final double QUANTILE_SLACK = 1e-12;

  private final int runs;
  private final int censored;
  private final int[] eventTimes;
  private final int[] deaths;
  private final int[] atRisk;
  /** Ŝ just after each event time. */
  private final double[] survival;
  private final double[] greenwood;
  private final double plainMean;

  /**
   * @param times for each run, its collapse time T >= 1, or, if censored, the last generation it was
   *     seen alive (its cap M)
   * @param isCensored whether each run was censored
   */
  public KaplanMeier(int[] times, boolean[] isCensored) {
    if (times.length != isCensored.length) {
      throw new ParameterException("runs", "need one censoring flag per time");
    }
    this.runs = times.length;
    int c = 0;
    double sum = 0;
    for (int i = 0; i < times.length; i++) {
      if (isCensored[i]) {
        ParameterException.requireAtLeast("censoring-time", times[i], 0);
        c++;
      } else {
        ParameterException.requireAtLeast("collapse-time", times[i], 1);
        sum += times[i];
      }
    }
    this.censored = c;
    this.plainMean = c == 0 && runs > 0 ? sum / runs : Double.NaN;
    int[] events = new int[runs - c];
    int[] exits = new int[runs]; // every run's last time at risk
    for (int i = 0, e = 0; i < times.length; i++) {
      exits[i] = times[i];
      if (!isCensored[i]) {
        events[e++] = times[i];
      }
    }
    Arrays.sort(events);
    Arrays.sort(exits);
    int distinct = (int) Arrays.stream(events).distinct().count();
    eventTimes = new int[distinct];
    deaths = new int[distinct];
    atRisk = new int[distinct];
    survival = new double[distinct];
    greenwood = new double[distinct];
    double s = 1.0;
    double g = 0.0;
    int exitIndex = 0;
    for (int e = 0, j = 0; e < events.length; j++) {
      int t = events[e];
      int d = 0;
      while (e < events.length && events[e] == t) {
        d++;
        e++;
      }
      while (exitIndex < exits.length && exits[exitIndex] < t) {
        exitIndex++; // left the risk set before t
      }
      int n = exits.length - exitIndex;
      s *= 1.0 - d / (double) n;
      if (n > d) {
        g += d / ((double) n * (n - d));
      }
      eventTimes[j] = t;
      deaths[j] = d;
      atRisk[j] = n;
      survival[j] = s;
      greenwood[j] = g;
    }
  }

  /** The number of runs. */
  public int runs() {
    return runs;
  }

  /** The number of censored runs. */
  public int censoredCount() {
    return censored;
  }

  /** {@code Ŝ(k) = P̂(T > k)}; 1 for k < 1. */
  public double survival(int k) {
    int j = lastEventAtOrBefore(k);
    return j < 0 ? 1.0 : survival[j];
  }

  /** Greenwood's standard error of {@code Ŝ(k)}. */
  public double standardError(int k) {
    int j = lastEventAtOrBefore(k);
    return j < 0 ? 0.0 : survival[j] * Math.sqrt(greenwood[j]);
  }

  /**
   * The q-quantile of T from Ŝ: the smallest k with {@code Ŝ(k) <= 1 − q}; empty when censoring
   * leaves Ŝ above 1 − q (the quantile lies beyond the cap).
   */
  public OptionalInt quantile(double q) {
    if (!(q > 0 && q < 1)) {
      throw new ParameterException("quantile", "must be in (0, 1), got " + q);
    }
    for (int j = 0; j < eventTimes.length; j++) {
      if (survival[j] <= 1.0 - q + QUANTILE_SLACK) {
        return OptionalInt.of(eventTimes[j]);
      }
    }
    return OptionalInt.empty();
  }

  /** The restricted mean {@code Σ_{k=0}^{cap−1} Ŝ(k)}, an estimate of {@code E[min(T, cap)]}. */
  public double restrictedMean(int cap) {
    return areaFrom(0, cap);
  }

  /** The delta-method standard error of {@link #restrictedMean}. */
  public double restrictedMeanStandardError(int cap) {
    double v = 0;
    for (int j = 0; j < eventTimes.length && eventTimes[j] < cap; j++) {
      int n = atRisk[j];
      int d = deaths[j];
      if (n > d) {
        double a = areaFrom(eventTimes[j], cap);
        v += a * a * d / ((double) n * (n - d));
      }
    }
    return Math.sqrt(v);
  }

  /** The mean of T; present only when no run is censored (else it would not be the mean of T). */
  public OptionalDouble plainMean() {
    return censored == 0 && runs > 0 ? OptionalDouble.of(plainMean) : OptionalDouble.empty();
  }

  /** {@code Σ_{k=from}^{cap−1} Ŝ(k)}, summed over the steps of Ŝ. */
  private double areaFrom(int from, int cap) {
    double area = 0;
    int k = from;
    int j = lastEventAtOrBefore(from);
    double s = j < 0 ? 1.0 : survival[j];
    for (int next = j + 1; k < cap; next++) {
      int stepAt = next < eventTimes.length ? Math.min(eventTimes[next], cap) : cap;
      area += s * (stepAt - k);
      k = stepAt;
      if (next < eventTimes.length) {
        s = survival[next];
      }
    }
    return area;
  }

  private int lastEventAtOrBefore(int k) {
    int idx = Arrays.binarySearch(eventTimes, k);
    return idx >= 0 ? idx : -idx - 2;
  }
}
