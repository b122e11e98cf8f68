package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.collapsefarm.context.Context;

/**
 * A test's own, independent simulation of the fully synthetic recursion (MATH.md §2: p^(m) =
 * Mult(n, p^(m−1))/n), by n categorical draws per generation with Commons RNG's alias sampler: enough
 * to give the comparison real runs to judge without the kernel, and an honest null for its verdicts.
 */
final class WrightFisherRuns {
  final List<RunOutcome> runs = new ArrayList<>();
  final List<GenerationMoments> moments = new ArrayList<>();

  WrightFisherRuns(Context context, int n, int maxGenerations, int replicates, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int s = context.support();
    long[] collapsed = new long[maxGenerations + 1];
    double[] sigmaSum = new double[maxGenerations + 1];
    double[] sigmaSumSq = new double[maxGenerations + 1];
    for (int r = 0; r < replicates; r++) {
      double[] p = context.probs();
      Integer collapseTime = null;
      Integer token = null;
      for (int m = 0; m <= maxGenerations; m++) {
        if (m > 0) {
          int[] counts = new int[s];
          var sampler = AliasMethodDiscreteSampler.of(rng, p);
          for (int i = 0; i < n; i++) {
            counts[sampler.sample()]++;
          }
          p = new double[s];
          for (int i = 0; i < s; i++) {
            p[i] = counts[i] / (double) n;
            if (counts[i] == n && collapseTime == null) {
              collapseTime = m;
              token = context.token(i);
            }
          }
        }
        double sigma = 0;
        for (double x : p) {
          sigma += x * x;
        }
        sigmaSum[m] += sigma;
        sigmaSumSq[m] += sigma * sigma;
        if (collapseTime != null) {
          collapsed[m]++;
        }
      }
      runs.add(new RunOutcome(r, collapseTime, collapseTime == null, token, Double.NaN));
    }
    for (int m = 0; m <= maxGenerations; m++) {
      moments.add(new GenerationMoments(m, replicates, collapsed[m], sigmaSum[m], sigmaSumSq[m], 0, 0, 0, 0));
    }
  }
}
