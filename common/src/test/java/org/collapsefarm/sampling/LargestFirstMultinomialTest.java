package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link MultinomialSampler#sampleFromCounts(UniformRandomProvider, BinomialTable, int[], int, int[])}
 * (largest count first from the table, the second largest last with the remainder, conditional
 * binomials between) against the exact multinomial:
 * the joint pmf on a small case whose largest count is not at position 0, and every marginal
 * Binomial(n, c_i/n) at n = 400 with zero counts inside. Chi-square tests at family-wise α = 1e-3,
 * Bonferroni over the {@value #FAMILY} tests of this class (threshold from the χ² null
 * distribution). Fixed seeds.
 */
class LargestFirstMultinomialTest {
  private static final double FAMILY_ALPHA = 1e-3;
  /** The joint test plus the marginal tests of the positive entries of {@link #COUNTS_400}. */
  private static final int FAMILY = 1 + 6;
  private static final int DRAWS = 20_000;
  /** Σ = 400, largest at position 3, zeros inside and at the end. */
  private static final int[] COUNTS_400 = {40, 0, 25, 301, 20, 10, 4, 0};

  @Test
  void jointMatchesExactMultinomialPmf() {
    int[] counts = {1, 3, 0, 5, 1};
    int n = 10;
    // Enumerate the compositions of n over the positive entries with their exact pmf.
    Map<String, Integer> index = new HashMap<>();
    double[] pmf = new double[1024];
    int categories = 0;
    for (int a = 0; a <= n; a++) {
      for (int b = 0; a + b <= n; b++) {
        for (int d = 0; a + b + d <= n; d++) {
          int e = n - a - b - d;
          index.put(Arrays.toString(new int[] {a, b, 0, d, e}), categories);
          pmf[categories++] = Math.exp(logFactorial(n) - logFactorial(a) - logFactorial(b) - logFactorial(d)
              - logFactorial(e) + a * Math.log(0.1) + b * Math.log(0.3) + d * Math.log(0.5) + e * Math.log(0.1));
        }
      }
    }
    double[] probability = Arrays.copyOf(pmf, categories);
    assertThat(Arrays.stream(probability).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(0x1A56E57L);
    BinomialTable table = BinomialTable.of(n);
    long[] observed = new long[categories];
    int[] out = new int[counts.length];
    for (int i = 0; i < DRAWS; i++) {
      Arrays.fill(out, 9);
      MultinomialSampler.sampleFromCounts(rng, table, counts, counts.length, out);
      Integer category = index.get(Arrays.toString(out));
      assertThat(category).as("impossible composition %s", Arrays.toString(out)).isNotNull();
      observed[category]++;
    }
    GoodnessOfFit.assertFits("largest-first joint", observed, probability, DRAWS, FAMILY_ALPHA, FAMILY);
  }

  @Test
  void marginalsAreBinomialAtN400() {
    int n = 400;
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(0x400L);
    BinomialTable table = BinomialTable.of(n);
    long[][] marginal = new long[COUNTS_400.length][DRAWS];
    int[] out = new int[COUNTS_400.length];
    for (int d = 0; d < DRAWS; d++) {
      Arrays.fill(out, 9);
      MultinomialSampler.sampleFromCounts(rng, table, COUNTS_400, COUNTS_400.length, out);
      assertThat(Arrays.stream(out).sum()).isEqualTo(n);
      for (int i = 0; i < out.length; i++) {
        marginal[i][d] = out[i];
      }
    }
    for (int i = 0; i < COUNTS_400.length; i++) {
      if (COUNTS_400[i] == 0) {
        assertThat(marginal[i]).as("zero-count entry %d", i).containsOnly(0L);
        continue;
      }
      BinomialDistribution exact = BinomialDistribution.of(n, (double) COUNTS_400[i] / n);
      GoodnessOfFit.assertFitsBinomial("largest-first n=400 entry " + i, marginal[i], exact, FAMILY_ALPHA, FAMILY);
    }
  }

  @Test
  void aDiracModelStaysADiracModel() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(2L);
    int[] out = {9, 9, 9};
    MultinomialSampler.sampleFromCounts(rng, BinomialTable.of(50), new int[] {0, 50, 0}, 3, out);
    assertThat(out).containsExactly(0, 50, 0);
  }

  @Test
  void rejectsCountsThatDoNotSumToTheTrials() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    int[] out = new int[3];
    assertThatThrownBy(() -> MultinomialSampler.sampleFromCounts(rng, BinomialTable.of(10), new int[] {3, 3, 3}, 3, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not sum to total = 10");
    assertThatThrownBy(() -> MultinomialSampler.sampleFromCounts(rng, BinomialTable.of(10), new int[] {3, 30, 3}, 3, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not sum to total = 10");
  }

  private static double logFactorial(int j) {
    return BinomialSampler.logFactorial(j);
  }
}
