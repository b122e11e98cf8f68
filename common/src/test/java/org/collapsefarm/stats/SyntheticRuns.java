package org.collapsefarm.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A small, independent simulation of the fully synthetic recursion for the statistics tests: n
 * categorical draws per generation by inversion of the cumulative distribution. Not the farm's
 * kernel (that is tested elsewhere); only a source of realistic inputs for the verdict rules.
 */
final class SyntheticRuns {
  final double[][] sigma; // [run][generation 0..M]
  final int[] time; // collapse time, or M when censored
  final boolean[] censored;

  SyntheticRuns(double[] p, int n, int maxGenerations, int runs, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    sigma = new double[runs][maxGenerations + 1];
    time = new int[runs];
    censored = new boolean[runs];
    for (int r = 0; r < runs; r++) {
      double[] q = p.clone();
      sigma[r][0] = sumSquares(q);
      time[r] = maxGenerations;
      censored[r] = true;
      for (int m = 1; m <= maxGenerations; m++) {
        int[] counts = new int[q.length];
        for (int k = 0; k < n; k++) {
          double u = rng.nextDouble();
          int i = 0;
          double c = q[0];
          while (u >= c && i < q.length - 1) {
            c += q[++i];
          }
          counts[i]++;
        }
        double max = 0;
        for (int i = 0; i < q.length; i++) {
          q[i] = counts[i] / (double) n;
          max = Math.max(max, q[i]);
        }
        sigma[r][m] = sumSquares(q);
        if (max == 1.0 && censored[r]) {
          censored[r] = false;
          time[r] = m;
        }
      }
    }
  }

  private static double sumSquares(double[] q) {
    double s = 0;
    for (double v : q) {
      s += v * v;
    }
    return s;
  }
}
