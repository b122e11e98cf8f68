package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HypergeometricSampler against the exact pmf of Commons Statistics over a grid covering inversion
 * (mean &lt; 10), ratio of uniforms (mean ≥ 10), the switch, both symmetries and populations up to
 * 2^31 − 1; beyond the int range of Commons Statistics, moments only. Chi-square at family-wise
 * α = 1e-3 with Bonferroni over the grid (threshold from the χ² null distribution); mean and
 * variance z-tests at z = 4.5 (two-sided 6.8e-6 per check). Fixed seeds.
 */
class HypergeometricSamplerTest {
  private static final int DRAWS = 40_000;
  private static final double FAMILY_ALPHA = 1e-3;
  private static final double Z = 4.5;
  private static final int GRID_SIZE = 15;

  static Stream<Arguments> grid() {
    return Stream.of(
        Arguments.of(10, 3, 10),           // all drawn: always 3
        Arguments.of(20, 7, 5),            // inversion
        Arguments.of(50, 40, 30),          // both symmetries
        Arguments.of(60, 30, 30),          // ratio of uniforms, small population
        Arguments.of(100, 50, 50),
        Arguments.of(1000, 10, 500),       // inversion, mean 5
        Arguments.of(2000, 100, 199),      // mean 9.95: inversion
        Arguments.of(2000, 100, 200),      // mean 10: ratio of uniforms
        Arguments.of(1000, 600, 700),
        Arguments.of(1_000_000, 500_000, 1000),
        Arguments.of(1_000_000, 20, 999_990),
        Arguments.of(1_000_000_000, 300_000_000, 100_000),
        Arguments.of(Integer.MAX_VALUE, 1_000_000_000, 1_000_000_000),
        Arguments.of(Integer.MAX_VALUE, 3, 1_000_000),
        Arguments.of(Integer.MAX_VALUE, 1_500_000_000, 2_000_000_000));
  }

  @Test
  void gridSizeConstantMatchesTheGrid() {
    assertThat(grid().count()).isEqualTo(GRID_SIZE);
  }

  @ParameterizedTest(name = "Hypergeometric(N={0}, K={1}, n={2})")
  @MethodSource("grid")
  void matchesExactPmf(int population, int successes, int draws) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(
        0x4E9L * population + 31L * successes + draws);
    long lower = Math.max(0, (long) draws + successes - population);
    long upper = Math.min(draws, successes);
    long[] sample = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      long x = HypergeometricSampler.sample(rng, population, successes, draws);
      assertThat(x).isBetween(lower, upper);
      sample[i] = x;
    }
    HypergeometricDistribution exact = HypergeometricDistribution.of(population, successes, draws);
    String label = "Hypergeometric(" + population + ", " + successes + ", " + draws + ")";
    // Commons Statistics' hypergeometric CDF is a sum over the support (minutes at N = 2^31 − 1),
    // so the tails are summed from the pmf.
    GoodnessOfFit.assertFitsUnimodal(label, sample, x -> exact.probability((int) x), lower, upper,
        FAMILY_ALPHA, GRID_SIZE);
    assertMoments(label, sample, population, successes, draws);
  }

  @Test
  void populationsBeyondIntRangeHaveTheRightMoments() {
    long[][] cases = {
        {1_000_000_000_000L, 400_000_000_000L, 1_000_000L},
        {1_000_000_000_000_000L, 10, 100_000_000_000_000L},          // mean 1: inversion
        {5_000_000_000L, 2_000_000_000L, 4_000_000_000L},
    };
    for (long[] c : cases) {
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(c[0] ^ c[1] ^ c[2]);
      long[] sample = new long[DRAWS];
      for (int i = 0; i < DRAWS; i++) {
        sample[i] = HypergeometricSampler.sample(rng, c[0], c[1], c[2]);
        assertThat(sample[i]).isBetween(Math.max(0, c[1] + c[2] - c[0]), Math.min(c[1], c[2]));
      }
      assertMoments("Hypergeometric(" + c[0] + ", " + c[1] + ", " + c[2] + ")", sample, c[0], c[1], c[2]);
    }
  }

  /**
   * Mean and variance z-tests; the fourth central moment from the closed-form excess kurtosis of the
   * hypergeometric distribution (γ2 = [(N−1)N²(N(N+1) − 6K(N−K) − 6n(N−n)) + 6nK(N−K)(N−n)(5N−6)]
   * / [nK(N−K)(N−n)(N−2)(N−3)]).
   */
  static void assertMoments(String label, long[] sample, double bigN, double bigK, double n) {
    double mean = n * bigK / bigN;
    double variance = mean * (bigN - bigK) / bigN * (bigN - n) / (bigN - 1);
    if (variance == 0) {
      assertThat(sample).as(label).containsOnly((long) mean);
      return;
    }
    double excessKurtosis = ((bigN - 1) * bigN * bigN
        * (bigN * (bigN + 1) - 6 * bigK * (bigN - bigK) - 6 * n * (bigN - n))
        + 6 * n * bigK * (bigN - bigK) * (bigN - n) * (5 * bigN - 6))
        / (n * bigK * (bigN - bigK) * (bigN - n) * (bigN - 2) * (bigN - 3));
    double mu4 = (excessKurtosis + 3) * variance * variance;
    GoodnessOfFit.assertMean(label, sample, mean, variance, Z);
    GoodnessOfFit.assertVariance(label, sample, mean, variance, mu4, Z);
  }

  @Test
  void degenerateCasesAreExact() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(2L);
    for (int i = 0; i < 1000; i++) {
      assertThat(HypergeometricSampler.sample(rng, 0, 0, 0)).isZero();
      assertThat(HypergeometricSampler.sample(rng, 10, 0, 5)).isZero();
      assertThat(HypergeometricSampler.sample(rng, 10, 10, 5)).isEqualTo(5);
      assertThat(HypergeometricSampler.sample(rng, 10, 4, 0)).isZero();
      assertThat(HypergeometricSampler.sample(rng, 10, 4, 10)).isEqualTo(4);
      assertThat(HypergeometricSampler.sample(rng, 10, 8, 7)).isBetween(5L, 7L);
    }
  }

  @Test
  void rejectsBadArguments() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(1L);
    assertThatThrownBy(() -> HypergeometricSampler.sample(rng, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
    assertThatThrownBy(() -> HypergeometricSampler.sample(rng, 10, 11, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successes");
    assertThatThrownBy(() -> HypergeometricSampler.sample(rng, 10, 5, 11))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("draws");
  }
}
