package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;

/**
 * MultivariateHypergeometricSampler: the joint composition on a small pool against the exact pmf
 * Π C(c_i, x_i) / C(total, k) computed here, and the marginals out[i] ~ Hypergeometric(total, c_i, k)
 * against Commons Statistics. Chi-square at family-wise α = 1e-3 with Bonferroni over the
 * {@value #FAMILY} tests of the class (threshold from the χ² null distribution); mean/variance
 * z-tests at z = 4.5 on a pool beyond the int range. Fixed seeds.
 */
class MultivariateHypergeometricSamplerTest {
  private static final double FAMILY_ALPHA = 1e-3;
  private static final int FAMILY = 12;
  private static final int DRAWS = 20_000;

  @Test
  void jointMatchesExactPmf() {
    int[] counts = {3, 2, 0, 4};
    int total = 9;
    int k = 4;
    Map<String, Integer> index = new HashMap<>();
    double[] pmf = new double[64];
    int categories = 0;
    for (int a = 0; a <= counts[0]; a++) {
      for (int b = 0; b <= counts[1]; b++) {
        int d = k - a - b;
        if (d < 0 || d > counts[3]) {
          continue;
        }
        index.put(Arrays.toString(new int[] {a, b, 0, d}), categories);
        pmf[categories++] = choose(counts[0], a) * choose(counts[1], b) * choose(counts[3], d)
            / choose(total, k);
      }
    }
    double[] probability = Arrays.copyOf(pmf, categories);
    assertThat(Arrays.stream(probability).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(21L);
    long[] observed = new long[categories];
    int[] out = new int[counts.length];
    for (int i = 0; i < DRAWS; i++) {
      MultivariateHypergeometricSampler.sample(rng, k, counts, total, counts.length, out);
      Integer category = index.get(Arrays.toString(out));
      assertThat(category).as("impossible composition %s", Arrays.toString(out)).isNotNull();
      observed[category]++;
    }
    GoodnessOfFit.assertFits("joint", observed, probability, DRAWS, FAMILY_ALPHA, FAMILY);
  }

  @Test
  void marginalsAreHypergeometric() {
    int[] counts = {300, 0, 250, 200, 120, 80, 30, 15, 4, 1};
    int total = Arrays.stream(counts).sum();
    int k = 400;
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(22L);
    long[][] marginal = new long[counts.length][DRAWS];
    int[] out = new int[counts.length];
    for (int d = 0; d < DRAWS; d++) {
      MultivariateHypergeometricSampler.sample(rng, k, counts, total, counts.length, out);
      assertThat(Arrays.stream(out).sum()).isEqualTo(k);
      for (int i = 0; i < counts.length; i++) {
        assertThat(out[i]).isBetween(0, counts[i]);
        marginal[i][d] = out[i];
      }
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      HypergeometricDistribution exact = HypergeometricDistribution.of(total, counts[i], k);
      long lower = Math.max(0, k + counts[i] - total);
      GoodnessOfFit.assertFitsUnimodal("entry " + i, marginal[i], x -> exact.probability((int) x),
          lower, Math.min(k, counts[i]), FAMILY_ALPHA, FAMILY);
    }
  }

  @Test
  void poolBeyondIntRangeHasTheRightMarginalMoments() {
    int[] counts = {2_000_000_000, 2_000_000_000, 1_000_000_000};
    long total = 5_000_000_000L;
    int k = 1_000_000;
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(23L);
    long[] first = new long[DRAWS];
    int[] out = new int[3];
    for (int d = 0; d < DRAWS; d++) {
      MultivariateHypergeometricSampler.sample(rng, k, counts, total, 3, out);
      assertThat(out[0] + out[1] + out[2]).isEqualTo(k);
      first[d] = out[0];
    }
    HypergeometricSamplerTest.assertMoments("entry 0", first, total, counts[0], k);
  }

  @Test
  void drawingEverythingReturnsThePool() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(24L);
    int[] counts = {5, 0, 7, 1};
    int[] out = new int[4];
    MultivariateHypergeometricSampler.sample(rng, 13, counts, 13, 4, out);
    assertThat(out).containsExactly(5, 0, 7, 1);
    MultivariateHypergeometricSampler.sample(rng, 0, counts, 13, 4, out);
    assertThat(out).containsExactly(0, 0, 0, 0);
  }

  @Test
  void rejectsBadArguments() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(25L);
    int[] out = new int[2];
    assertThatThrownBy(() -> MultivariateHypergeometricSampler.sample(rng, 5, new int[] {1, 2}, 3, 2, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be in [0, total = 3]");
    assertThatThrownBy(() -> MultivariateHypergeometricSampler.sample(rng, 1, new int[] {1, 2}, 3, 3, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("len");
    assertThatThrownBy(() -> MultivariateHypergeometricSampler.sample(rng, 3, new int[] {1, 1}, 3, 2, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not sum to total");
  }

  private static double choose(int n, int r) {
    double c = 1;
    for (int i = 1; i <= r; i++) {
      c = c * (n - r + i) / i;
    }
    return c;
  }
}
