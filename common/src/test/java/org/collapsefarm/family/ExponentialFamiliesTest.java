package org.collapsefarm.family;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.theory.GaussianMoments;
import org.collapsefarm.theory.GaussianReplace;
import org.collapsefarm.theory.PoissonReplace;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian and Poisson families through the paradigm layer against MATH.md §7's exact formulas,
 * at fixed seeds. At every generation compared, |mean − formula|/SE must stay below the Bonferroni
 * threshold for a family-wise level {@link #ALPHA} over the generations of the test (the z is in
 * each assertion's description). Means of σ² are compared only while Var ln σ²_m ≤ 1: σ²_m is
 * log-normal-tailed, and beyond that its sample mean is not near normal (MATH.md: use log-moments).
 */
class ExponentialFamiliesTest {
  private static final double ALPHA = 1e-3;
  private static final int RUNS = 4000;
  private static final int VAR = 0;
  private static final int LOG_VAR = 1;
  private static final int MSE = 2;
  private static final int W2 = 3;

  private static Moments run(ModelFamily<?, ?> family, ParadigmSpec spec, int cap, long sweep) {
    Moments acc = new Moments(cap, family.metrics().size());
    for (int r = 0; r < RUNS; r++) {
      FamilyRecursion.run(family, spec, cap, CellSeeds.cellSeed(sweep, r), acc);
    }
    return acc;
  }

  private static double z(int comparisons) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability(ALPHA / (2.0 * comparisons));
  }

  private static void assertMean(Moments acc, int metric, int m, double formula, double z, String what) {
    double mean = acc.mean(metric, m);
    double se = acc.se(metric, m);
    assertThat(Math.abs(mean - formula) / se).as("%s at m = %d: %s vs %s, |z| < %s", what, m, mean, formula, z)
        .isLessThan(z);
  }

  @Test
  void gaussianReplaceFollowsTheExactMomentsForBothEstimators() {
    int n = 10;
    int cap = 30;
    for (Estimator estimator : Estimator.values()) {
      UnivariateGaussian family = new UnivariateGaussian(1.5, 2.0, estimator);
      ParadigmSpec spec = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0.01, 0);
      Moments acc = run(family, spec, cap, estimator.ordinal());
      GaussianReplace exact = new GaussianReplace(2.0, n, estimator);
      double z = z(5 * cap);
      for (int m = 1; m <= cap; m++) {
        assertMean(acc, LOG_VAR, m, exact.expectedLogVariance(m), z, estimator + " E ln var");
        double v = acc.variance(LOG_VAR, m);
        // Var ln σ²_m: the sample variance of R values has SE ≈ v·sqrt((2 + excess kurtosis)/R); ln σ²_m is a
        // sum of m steps ln χ²_{n−1}, whose excess kurtosis ψ‴/ψ′² is 0.58 at n = 10 (and /m after m steps): 1 bounds it.
        assertThat(Math.abs(v - exact.logVarianceVariance(m)) / (exact.logVarianceVariance(m) * Math.sqrt(3.0 / RUNS)))
            .as("%s Var ln var at m = %d: %s vs %s", estimator, m, v, exact.logVarianceVariance(m)).isLessThan(z);
        assertMean(acc, MSE, m, exact.expectedMeanSqError(m), z, estimator + " E mse");
        if (exact.logVarianceVariance(m) <= 1.0) {
          assertMean(acc, VAR, m, exact.expectedVariance(m) / 2.0, z, estimator + " E var ratio");
          assertMean(acc, W2, m, exact.expectedW2(m), z, estimator + " E W2^2");
        }
      }
    }
  }

  @Test
  void gaussianEpsilonCollapseTimeIsAboveWaldsBound() {
    UnivariateGaussian family = new UnivariateGaussian(0, 1, Estimator.MLE);
    GaussianReplace exact = new GaussianReplace(1, 10, Estimator.MLE);
    assertThat(exact.stepMean()).isCloseTo(-0.2206, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(exact.stepVariance()).isCloseTo(0.2487, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(exact.waldBound(0.01)).isCloseTo(20.9, org.assertj.core.api.Assertions.within(0.05));
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < RUNS; r++) {
      var res = FamilyRecursion.run(family, ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0, 0.01, 0), 1000,
          CellSeeds.cellSeed(7, r), org.collapsefarm.measure.GenerationSink.NONE);
      assertThat(res.censored()).isFalse();
      sum += res.collapseTime();
      sumSq += (double) res.collapseTime() * res.collapseTime();
    }
    double mean = sum / RUNS;
    double se = Math.sqrt((sumSq / RUNS - mean * mean) / RUNS);
    // The bound must hold (one-sided, at level α). MATH.md's simulated reference is E T = 22.6.
    assertThat((mean - exact.waldBound(0.01)) / se).as("E T = %s ± %s vs Wald %s", mean, se, exact.waldBound(0.01))
        .isGreaterThan(-z(1));
  }

  @Test
  void gaussianAccumulateAnchorAndFixedRealFollowTheirOneStepRecursions() {
    int n = 10;
    int cap = 20;
    double z = z(2 * cap * 3);
    for (Estimator estimator : Estimator.values()) {
      UnivariateGaussian family = new UnivariateGaussian(0, 1, estimator);
      ParadigmSpec accumulate = ParadigmSpec.defaults(Paradigm.ACCUMULATE, n).withRate(0.5, Pool.CORPORA)
          .withKnobs(1, 1, 0, 0.01, 0);
      check(run(family, accumulate, cap, 10 + estimator.ordinal()),
          GaussianMoments.accumulate(1, n, 5, estimator, cap), z, "accumulate " + estimator);
      ParadigmSpec anchored = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0.01, 1);
      check(run(family, anchored, cap, 20 + estimator.ordinal()),
          GaussianMoments.realAnchor(1, n, 1, estimator, cap), z, "anchor " + estimator);
      ParadigmSpec partial = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, n).withRealN(4)
          .withKnobs(1, 1, 0, 0.01, 0);
      check(run(family, partial, cap, 30 + estimator.ordinal()),
          GaussianMoments.fixedReal(1, 4, n, estimator, cap), z, "fixed real " + estimator);
    }
    // MATH.md's value for accumulate, MLE, n = 10: E σ²_m → sin(π/√10)/(π/√10) = 0.8434.
    double[] limit = GaussianMoments.accumulate(1, 10, 10, Estimator.MLE, 100_000).variance();
    assertThat(limit[100_000]).isCloseTo(0.8434, org.assertj.core.api.Assertions.within(1e-4));
    // and the anchor's k = 1 stationary values (MLE, M = n + 1 = 11): E σ² = 2(M − 1)/(3M − 2) as in MATH.md,
    // and E d = M/(3M − 2) = 11/31 from the same recursion — MATH.md's "E d = σ*²/3" is its limit as n grows.
    GaussianMoments.Curves a = GaussianMoments.realAnchor(1, 10, 1, Estimator.MLE, 2000);
    assertThat(a.variance()[2000]).isCloseTo(2.0 * 10 / 31, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(a.meanSqError()[2000]).isCloseTo(11.0 / 31, org.assertj.core.api.Assertions.within(1e-12));
  }

  private static void check(Moments acc, GaussianMoments.Curves exact, double z, String what) {
    for (int m = 1; m < exact.variance().length; m++) {
      assertMean(acc, VAR, m, exact.variance()[m], z, what + " E var");
      assertMean(acc, MSE, m, exact.meanSqError()[m], z, what + " E mse");
    }
  }

  @Test
  void poissonReplaceIsACriticalGaltonWatsonProcess() {
    int n = 10;
    int cap = 60;
    PoissonFamily family = new PoissonFamily(1.0);
    Moments acc = run(family, ParadigmSpec.fullySynthetic(n), cap, 40);
    PoissonReplace exact = new PoissonReplace(1.0, n);
    double[] alive = exact.survival(cap);
    assertThat(exact.survival(200)[50]).isCloseTo(0.3187, org.assertj.core.api.Assertions.within(5e-5));
    assertThat(exact.survival(200)[200]).isCloseTo(0.0940, org.assertj.core.api.Assertions.within(5e-5));
    double z = z(3 * cap);
    for (int m = 1; m <= cap; m++) {
      assertMean(acc, 0, m, 1.0, z, "E rate");
      double dead = acc.mean(1, m);
      double sd = Math.sqrt(alive[m] * (1 - alive[m]) / RUNS);
      assertThat(Math.abs((1 - dead) - alive[m]) / sd).as("P(rate != 0) at m = %d: %s vs %s", m, 1 - dead, alive[m])
          .isLessThan(z);
      // The collapsed count is the rate-zero count: absorption is exact.
      assertThat(acc.collapsed[m]).isEqualTo(Math.round(dead * RUNS));
      assertMean(acc, 2, m, exact.rateVariance(m), z, "E (rate - rate0)^2 = Var rate");
    }
  }
}
