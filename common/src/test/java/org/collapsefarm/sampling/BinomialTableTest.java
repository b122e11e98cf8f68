package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BinomialTable against the exact pmf of Commons Statistics: Binomial(n, c/n) over a grid of n (1 to
 * {@link BinomialTable#MAX_TRIALS}) and c (the edges 1 and n − 1, tiny and large means, c = n/2).
 * Each case: a chi-square test at family-wise α = 1e-3 with Bonferroni over the grid (threshold from
 * the χ² null distribution) and a z-test of the mean at z = 4.5 (two-sided 6.8e-6 per check). Fixed
 * seeds.
 */
class BinomialTableTest {
  private static final int DRAWS = 40_000;
  private static final double FAMILY_ALPHA = 1e-3;
  private static final double Z = 4.5;
  private static final int GRID_SIZE = 12;

  static Stream<Arguments> grid() {
    return Stream.of(
        Arguments.of(2, 1),
        Arguments.of(10, 1),
        Arguments.of(10, 7),
        Arguments.of(400, 1),       // mean 1: the tail of one outcome per cell
        Arguments.of(400, 3),
        Arguments.of(400, 37),      // mean 37: BTRS's regime for the generic sampler
        Arguments.of(400, 200),     // σ = 10: the largest guide at n = 400
        Arguments.of(400, 363),
        Arguments.of(400, 399),
        Arguments.of(1000, 17),
        Arguments.of(1024, 512),    // the largest table
        Arguments.of(1024, 1023));
  }

  @Test
  void gridSizeConstantMatchesTheGrid() {
    assertThat(grid().count()).isEqualTo(GRID_SIZE);
  }

  @ParameterizedTest(name = "Binomial({0}, {1}/{0})")
  @MethodSource("grid")
  void matchesExactPmf(int n, int c) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(0x7AB1EL ^ (n * 4099L + c));
    BinomialTable table = BinomialTable.of(n);
    long[] draws = new long[DRAWS];
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      int x = table.draw(rng, c);
      assertThat(x).isBetween(0, n);
      draws[i] = x;
      sum += x;
    }
    double p = (double) c / n;
    BinomialDistribution exact = BinomialDistribution.of(n, p);
    String label = "table Binomial(" + n + ", " + c + "/" + n + ")";
    GoodnessOfFit.assertFitsBinomial(label, draws, exact, FAMILY_ALPHA, GRID_SIZE);
    double standardError = Math.sqrt(n * p * (1 - p) / DRAWS);
    assertThat(Math.abs(sum / DRAWS - n * p)).as(label + " mean").isLessThanOrEqualTo(Z * standardError);
  }

  @Test
  void degenerateCountsAreConstant() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(1L);
    BinomialTable table = BinomialTable.of(400);
    for (int i = 0; i < 100; i++) {
      assertThat(table.draw(rng, 0)).isZero();
      assertThat(table.draw(rng, 400)).isEqualTo(400);
    }
  }

  @Test
  void tablesAreSharedPerTrials() {
    assertThat(BinomialTable.of(37)).isSameAs(BinomialTable.of(37));
    assertThat(BinomialTable.of(37).trials()).isEqualTo(37);
  }

  @Test
  void guideHasAtLeastSixteenCellsPerStandardDeviationAndIsAPowerOfTwo() {
    for (double variance : new double[] {0.01, 1, 9.0, 99.75, 256}) {
      int g = BinomialTable.cellCount(variance);
      assertThat(Integer.bitCount(g)).as("G = %d", g).isEqualTo(1);
      assertThat((double) g).isGreaterThanOrEqualTo(16 * (Math.sqrt(variance) + 1));
      assertThat((double) g).isLessThan(32 * (Math.sqrt(variance) + 1));
    }
  }

  @Test
  void rejectsTrialsOutsideTheTableRange() {
    assertThatThrownBy(() -> BinomialTable.of(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials must be in [1, 1024], got 0");
    assertThatThrownBy(() -> BinomialTable.of(BinomialTable.MAX_TRIALS + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1025");
  }
}
