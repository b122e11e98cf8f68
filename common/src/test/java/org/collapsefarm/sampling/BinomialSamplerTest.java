package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BinomialSampler against the exact pmf of Commons Statistics over a grid covering inversion
 * (np &lt; 10), BTRS (np ≥ 10), the switch between them, the symmetry p &gt; 1/2, tiny p and trials up
 * to 2^31 − 1. Each case: a chi-square test at family-wise α = 1e-3 with Bonferroni over the grid
 * (threshold from the χ² null distribution), and z-tests of mean and variance at z = 4.5 (two-sided
 * 6.8e-6 per check; ≤ 3e-4 family-wise over the grid's 2×GRID_SIZE checks). Fixed seeds.
 */
class BinomialSamplerTest {
  private static final int DRAWS = 40_000;
  private static final double FAMILY_ALPHA = 1e-3;
  private static final double Z = 4.5;
  private static final int GRID_SIZE = 25;

  static Stream<Arguments> grid() {
    return Stream.of(
        Arguments.of(1, 0.5),
        Arguments.of(2, 0.3),
        Arguments.of(20, 0.5),          // small n, p = 1/2: BTRS at np = 10 exactly
        Arguments.of(19, 0.5),          // np = 9.5: inversion
        Arguments.of(100, 1e-4),        // tiny mean
        Arguments.of(1000, 0.005),
        Arguments.of(50, 0.199),        // np = 9.95, just below the switch
        Arguments.of(50, 0.2),          // np = 10, just at the switch
        Arguments.of(30, 0.9),          // symmetry, inversion on the complement
        Arguments.of(200, 0.75),        // symmetry, BTRS on the complement
        Arguments.of(1000, 0.3),
        Arguments.of(400, 0.02),
        Arguments.of(400, 0.4),         // BTRS with the log-factorial table (kernel's n = 400)
        Arguments.of(400, 0.03),        // BTRS at np = 12, table, many non-squeeze draws
        Arguments.of(37, 0.3),          // BTRS at np = 11.1, small table trials
        Arguments.of(65_535, 0.01),     // last trials with the table
        Arguments.of(65_536, 0.01),     // first trials with the saddle point
        Arguments.of(5_000_000, 1.5e-6), // inversion, log1p of a tiny p at large trials
        Arguments.of(1_000_000, 0.5),
        Arguments.of(1_000_000, 1e-6),
        Arguments.of(1_000_000, 0.999_99),
        Arguments.of(Integer.MAX_VALUE, 0.5),
        Arguments.of(Integer.MAX_VALUE, 1e-9),
        Arguments.of(Integer.MAX_VALUE, 0.25),
        Arguments.of(Integer.MAX_VALUE, 1 - 1e-9));
  }

  @Test
  void gridSizeConstantMatchesTheGrid() {
    assertThat(grid().count()).isEqualTo(GRID_SIZE);
  }

  @ParameterizedTest(name = "Binomial({0}, {1})")
  @MethodSource("grid")
  void matchesExactPmf(int trials, double p) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(0xB1A0L ^ trials ^ Double.doubleToLongBits(p));
    long[] draws = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      int x = BinomialSampler.sample(rng, trials, p);
      assertThat(x).isBetween(0, trials);
      draws[i] = x;
    }
    BinomialDistribution exact = BinomialDistribution.of(trials, p);
    String label = "Binomial(" + trials + ", " + p + ")";
    GoodnessOfFit.assertFitsBinomial(label, draws, exact, FAMILY_ALPHA, GRID_SIZE);
    double mean = trials * p;
    double pq = p * (1 - p);
    double variance = trials * pq;
    double mu4 = variance * (1 + 3 * (trials - 2.0) * pq);
    GoodnessOfFit.assertMean(label, draws, mean, variance, Z);
    GoodnessOfFit.assertVariance(label, draws, mean, variance, mu4, Z);
  }

  /** The integer-ratio entry point: inversion, BTRS, both symmetries, p = 1/2, beyond the log table. */
  static Stream<Arguments> ratioGrid() {
    return Stream.of(
        Arguments.of(50, 3, 40),          // inversion, mean 3.75
        Arguments.of(20, 19, 20),         // symmetry, inversion on the complement
        Arguments.of(400, 37, 400),       // BTRS, mean 37 (the kernel's typical conditional draw)
        Arguments.of(300, 250, 399),      // symmetry, BTRS on the complement
        Arguments.of(64, 7, 14),          // p = 1/2 exactly, BTRS at mean 32
        Arguments.of(1000, 20_000, 70_000)); // total beyond the log table: the double path
  }

  private static final int RATIO_GRID_SIZE = 6;

  @Test
  void ratioGridSizeConstantMatchesTheGrid() {
    assertThat(ratioGrid().count()).isEqualTo(RATIO_GRID_SIZE);
  }

  /** As {@link #matchesExactPmf}, for {@code drawRatio(trials, count, total)}; Bonferroni over the ratio grid. */
  @ParameterizedTest(name = "Binomial({0}, {1}/{2})")
  @MethodSource("ratioGrid")
  void ratioMatchesExactPmf(int trials, int count, int total) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(0x4A710L ^ (trials * 65_537L + count) ^ total);
    long[] draws = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      int x = BinomialSampler.drawRatio(rng, trials, count, total);
      assertThat(x).isBetween(0, trials);
      draws[i] = x;
    }
    double p = (double) count / total;
    BinomialDistribution exact = BinomialDistribution.of(trials, p);
    String label = "Binomial(" + trials + ", " + count + "/" + total + ")";
    GoodnessOfFit.assertFitsBinomial(label, draws, exact, FAMILY_ALPHA, RATIO_GRID_SIZE);
    double variance = trials * p * (1 - p);
    GoodnessOfFit.assertMean(label, draws, trials * p, variance, Z);
  }

  /**
   * log C(j, i) from the log-factorial table against Commons Statistics' log pmf of Binomial(j, ½)
   * plus j log 2, within 16 ulps of the table's largest entry used (its stated accuracy).
   */
  @Test
  void logFactorialTableMatchesTheLibrary() {
    for (int j : new int[] {0, 1, 2, 3, 10, 170, 400, 1000, 65_535}) {
      // log C(j, i) = log j! − log i! − log (j−i)!, from the library's exact pmf at p = 1/2.
      int i = j / 3;
      double library = BinomialDistribution.of(j, 0.5).logProbability(i) + j * Math.log(2);
      double table = BinomialSampler.logFactorial(j) - BinomialSampler.logFactorial(i)
          - BinomialSampler.logFactorial(j - i);
      assertThat(table).as("log C(%d, %d)", j, i).isCloseTo(library,
          within(16 * Math.ulp(Math.max(1, BinomialSampler.logFactorial(j)))));
    }
  }

  @Test
  void log1pIsWithinAFewUlps() {
    for (double x : new double[] {0, -1e-300, -1e-17, -1e-16, -3e-9, -1e-4, -0.1, -0.3, -0.5,
        -0.75, -0.999}) {
      double exact = Math.log1p(x);
      assertThat(BinomialSampler.log1p(x)).as("log1p(%s)", x)
          .isCloseTo(exact, within(4 * Math.ulp(exact)));
    }
  }

  @Test
  void degenerateCasesAreExact() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(1L);
    for (int i = 0; i < 1000; i++) {
      assertThat(BinomialSampler.sample(rng, 0, 0.3)).isZero();
      assertThat(BinomialSampler.sample(rng, 17, 0.0)).isZero();
      assertThat(BinomialSampler.sample(rng, 17, 1.0)).isEqualTo(17);
      assertThat(BinomialSampler.sample(rng, Integer.MAX_VALUE, 1.0)).isEqualTo(Integer.MAX_VALUE);
      assertThat(BinomialSampler.sample(rng, Integer.MAX_VALUE, 0.0)).isZero();
      assertThat(BinomialSampler.sample(rng, 1, Double.MIN_VALUE)).isZero();
      assertThat(BinomialSampler.drawRatio(rng, 17, 0, 5)).isZero();
      assertThat(BinomialSampler.drawRatio(rng, 17, 5, 5)).isEqualTo(17);
    }
  }

  @Test
  void rejectsBadArguments() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(1L);
    assertThatThrownBy(() -> BinomialSampler.sample(rng, -1, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials");
    assertThatThrownBy(() -> BinomialSampler.sample(rng, 5, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p must be in [0, 1]");
    assertThatThrownBy(() -> BinomialSampler.sample(rng, 5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
