package org.collapsefarm.family;

import org.collapsefarm.measure.GenerationSink;

/** Σ and Σ² of every metric per generation, over runs, and the collapsed counts (tests only). */
final class Moments implements GenerationSink {
  final long[] runs;
  final long[] collapsed;
  final double[][] sum;
  final double[][] sumSq;

  Moments(int maxGenerations, int metrics) {
    runs = new long[maxGenerations + 1];
    collapsed = new long[maxGenerations + 1];
    sum = new double[metrics][maxGenerations + 1];
    sumSq = new double[metrics][maxGenerations + 1];
  }

  @Override
  public void generation(int m, double[] values, boolean isCollapsed) {
    runs[m]++;
    collapsed[m] += isCollapsed ? 1 : 0;
    for (int k = 0; k < sum.length; k++) {
      sum[k][m] += values[k];
      sumSq[k][m] += values[k] * values[k];
    }
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    for (int m = from; m <= to; m++) {
      generation(m, values, true);
    }
  }

  double mean(int metric, int m) {
    return sum[metric][m] / runs[m];
  }

  /** The standard error of {@link #mean}. */
  double se(int metric, int m) {
    double mean = mean(metric, m);
    return Math.sqrt(Math.max(sumSq[metric][m] / runs[m] - mean * mean, 0) / runs[m]);
  }

  /** The sample variance of the metric over runs. */
  double variance(int metric, int m) {
    double mean = mean(metric, m);
    return (sumSq[metric][m] / runs[m] - mean * mean) * runs[m] / (runs[m] - 1.0);
  }
}
