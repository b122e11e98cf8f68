package org.collapsefarm.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

class PoissonFamilyTest {
  @Test
  void theSumOfNSamplesIsPoissonOfNLambda() {
    PoissonFamily family = new PoissonFamily(0.3);
    UniformRandomProvider rng = CellSeeds.stream(2);
    int r = 20_000;
    int bins = 12;
    long[] observed = new long[bins];
    for (int i = 0; i < r; i++) {
      PoissonFamily.Stats s = family.sample(new PoissonFamily.Rate(0.7), 8, rng);
      assertThat(s.count()).isEqualTo(8);
      observed[(int) Math.min(s.sum(), bins - 1)]++;
    }
    PoissonDistribution law = PoissonDistribution.of(5.6);
    double chi2 = 0;
    for (int k = 0; k < bins; k++) {
      double p = k < bins - 1 ? law.probability(k) : law.survivalProbability(bins - 2);
      double d = observed[k] - r * p;
      chi2 += d * d / (r * p);
    }
    assertThat(chi2).as("chi-square, %d df at level 1e-3", bins - 1)
        .isLessThan(ChiSquaredDistribution.of(bins - 1).inverseSurvivalProbability(1e-3));
  }

  @Test
  void aRateOfZeroSamplesZerosAndLargeMeansAreDrawnInParts() {
    PoissonFamily family = new PoissonFamily(1.0);
    UniformRandomProvider rng = CellSeeds.stream(3);
    assertThat(family.sample(new PoissonFamily.Rate(0.0), 1000, rng).sum()).isZero();
    assertThat(family.absorbing(new PoissonFamily.Rate(0.0))).isTrue();
    // mean 3·10^9 is beyond one Commons RNG draw (at most 2^30 − 1/2); the parts add to Poisson(mean): within 5 sd.
    double mean = 3.0 * PoissonFamily.MAX_DRAW_MEAN;
    long sum = PoissonFamily.poisson(mean, rng);
    assertThat(Math.abs(sum - mean)).isLessThan(5 * Math.sqrt(mean));
  }

  @Test
  void thePoolDrawsWholeSamplesWithoutReplacement() {
    PoissonFamily family = new PoissonFamily(2.0);
    UniformRandomProvider rng = CellSeeds.stream(4);
    SamplePool<PoissonFamily.Stats, PoissonFamily.Rate> pool = family.newPool(30);
    PoissonFamily.Stats real = pool.addReal(10, rng);
    pool.addSample(new PoissonFamily.Rate(0.0), 20, rng); // twenty zeros
    // all 30 without replacement: exactly the pool's sum, every time
    for (int i = 0; i < 5; i++) {
      assertThat(pool.subsample(30, rng)).isEqualTo(new PoissonFamily.Stats(30, real.sum()));
    }
    assertThat(pool.subsample(10, rng).sum()).isBetween(0L, real.sum());
  }

  @Test
  void takesNoKnobAndNeedsAPositiveRate() {
    PoissonFamily family = new PoissonFamily(1.0);
    assertThatThrownBy(() -> FamilyRecursion.check(family, ParadigmSpec.fullySynthetic(5).withKnobs(1.5, 1, 0, 0, 0), 9))
        .hasMessageStartingWith("temperature: does not apply to the poisson family");
    assertThatThrownBy(() -> new PoissonFamily(0.0)).hasMessageStartingWith("rate: ");
    FamilyRecursion.check(family, ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 5).withRate(1, Pool.CORPORA), 9);
  }
}
