package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

/** The urn method against the exact multinomial pmf (chi-square goodness of fit, level 1e-3). */
class UrnSamplerTest {
  @Test
  void jointLawIsTheMultinomialOfTheCounts() {
    int[] counts = {3, 0, 1, 2, 4};
    int total = 10;
    int k = 4;
    int draws = 200_000;
    UniformRandomProvider rng = CellSeeds.stream(99);
    int[] out = new int[counts.length];
    int[] slots = new int[total];
    Map<String, Integer> seen = new HashMap<>();
    for (int d = 0; d < draws; d++) {
      UrnSampler.sample(rng, k, counts, total, counts.length, out, slots);
      assertThat(out[1]).isZero();
      seen.merge(java.util.Arrays.toString(out), 1, Integer::sum);
    }
    // Enumerate every outcome of Mult(4, counts/10) with its exact probability.
    double chi2 = 0;
    int cells = 0;
    double covered = 0;
    int[] x = new int[counts.length];
    for (x[0] = 0; x[0] <= k; x[0]++) {
      for (x[2] = 0; x[0] + x[2] <= k; x[2]++) {
        for (x[3] = 0; x[0] + x[2] + x[3] <= k; x[3]++) {
          x[4] = k - x[0] - x[2] - x[3];
          double p = 24.0; // 4!
          for (int i = 0; i < counts.length; i++) {
            p *= Math.pow(counts[i] / (double) total, x[i]) / factorial(x[i]);
          }
          covered += p;
          double expected = p * draws;
          int observed = seen.getOrDefault(java.util.Arrays.toString(x), 0);
          chi2 += (observed - expected) * (observed - expected) / expected;
          cells++;
        }
      }
    }
    assertThat(covered).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(seen).hasSizeLessThanOrEqualTo(cells);
    assertThat(chi2).as("%d outcomes", cells).isLessThan(Stats.chiSquareCritical(cells - 1, 1e-3));
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }
}
