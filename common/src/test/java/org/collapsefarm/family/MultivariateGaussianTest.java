package org.collapsefarm.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.collapsefarm.ParameterException;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.theory.GaussianMoments;
import org.collapsefarm.theory.GaussianReplace;
import org.junit.jupiter.api.Test;

/**
 * The d-dimensional Gaussian family: its Bartlett sampler against the exact Wishart moments, its
 * merge, W2 and refusals, and whole runs against MATH.md §7's exact d-dimensional formulas. Every
 * statistical assertion compares |estimate − exact|/SE with a Bonferroni z for a family-wise level of
 * 1e-3 over the comparisons of its test (the z is in each description); seeds are fixed.
 */
class MultivariateGaussianTest {
  private static final double ALPHA = 1e-3;
  /** A full (not diagonal) Σ_0, d = 3. */
  private static final double[] SIGMA = {2.0, 0.6, -0.3, 0.6, 1.0, 0.2, -0.3, 0.2, 0.5};
  private static final double[] MU = {1.0, -2.0, 0.5};

  private static double z(int comparisons) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability(ALPHA / (2.0 * comparisons));
  }

  /** The scatter e^s G Gᵀ of a training set. */
  private static double[] scatter(MultivariateGaussian.Stats s, int d) {
    double[] x = SymmetricMatrices.outer(s.factor(), d);
    double c = Math.exp(s.logScale());
    for (int i = 0; i < x.length; i++) {
      x[i] *= c;
    }
    return x;
  }

  /**
   * S ~ Wishart_d(k, Σ): E S_ij = k Σ_ij, Var S_ij = k(Σ_ij² + Σ_ii Σ_jj); E ln det S = ln det Σ + Σ_{i=1..d}
   * [ψ((k−i+1)/2) + ln 2]; and the mean x̄ ~ N(μ, Σ/n): E x̄ = μ, E(x̄ − μ)_i(x̄ − μ)_j = Σ_ij/n with variance
   * (Σ_ii Σ_jj + Σ_ij²)/n². Checked at n = 7 (k = 6 ≥ d) and at n = 3 (k = 2 < d: singular, det S = 0).
   */
  @Test
  void bartlettDrawsHaveTheExactWishartAndNormalMoments() {
    int d = 3;
    int r = 20_000;
    MultivariateGaussian family = new MultivariateGaussian(MU, SIGMA, Estimator.MLE);
    double logDetSigma = SymmetricMatrices.factor(SIGMA, d).logDet();
    double z = z(2 * (6 + 3 + 6) + 1);
    for (int n : new int[] {7, 3}) {
      int k = n - 1;
      UniformRandomProvider rng = CellSeeds.stream(100 + n);
      double[] sum = new double[d * d];
      double[] meanSum = new double[d];
      double[] crossSum = new double[d * d];
      double logDetSum = 0;
      double logDetSumSq = 0;
      for (int t = 0; t < r; t++) {
        MultivariateGaussian.Stats s = family.sample(family.truth(), n, rng);
        assertThat(s.count()).isEqualTo(n);
        double[] x = scatter(s, d);
        for (int i = 0; i < x.length; i++) {
          sum[i] += x[i];
        }
        for (int i = 0; i < d; i++) {
          double di = s.mean()[i] - MU[i];
          meanSum[i] += di;
          for (int j = 0; j < d; j++) {
            crossSum[i * d + j] += di * (s.mean()[j] - MU[j]);
          }
        }
        double logDet = d * s.logScale() + s.logDet();
        if (n <= d) {
          assertThat(s.logDet()).as("singular Wishart").isEqualTo(Double.NEGATIVE_INFINITY);
        } else {
          logDetSum += logDet;
          logDetSumSq += logDet * logDet;
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          double sii = SIGMA[i * d + i];
          double sjj = SIGMA[j * d + j];
          double sij = SIGMA[i * d + j];
          double se = Math.sqrt(k * (sij * sij + sii * sjj) / r);
          assertThat(Math.abs(sum[i * d + j] / r - k * sij) / se).as("n = %d E S[%d][%d] = %s vs %s, |z| < %s",
              n, i, j, sum[i * d + j] / r, k * sij, z).isLessThan(z);
          double seCross = Math.sqrt((sii * sjj + sij * sij) / ((double) n * n) / r);
          assertThat(Math.abs(crossSum[i * d + j] / r - sij / n) / seCross).as("n = %d E dmu dmu^T [%d][%d], |z| < %s",
              n, i, j, z).isLessThan(z);
        }
        double seMean = Math.sqrt(SIGMA[i * d + i] / n / r);
        assertThat(Math.abs(meanSum[i] / r) / seMean).as("n = %d E mean[%d] - mu, |z| < %s", n, i, z).isLessThan(z);
      }
      if (n > d) {
        double expected = logDetSigma;
        for (int i = 1; i <= d; i++) {
          expected += Digamma.value((k - i + 1) / 2.0) + Math.log(2.0);
        }
        double mean = logDetSum / r;
        double se = Math.sqrt((logDetSumSq / r - mean * mean) / r);
        assertThat(Math.abs(mean - expected) / se).as("E ln det S = %s vs %s, |z| < %s", mean, expected, z)
            .isLessThan(z);
      }
    }
  }

  @Test
  void mergeIsTheStatisticsOfTheUnion() {
    int d = 3;
    MultivariateGaussian family = new MultivariateGaussian(MU, SIGMA, Estimator.MLE);
    double[] a = {0.5, 2.0, -1.0, 3.0, 3.5, 0.0, -1.0, 0.25, 2.0, 1.0, 1.0, 1.0};
    double[] b = {3.0, 3.5, 1.0, -2.0, 0.5, 0.75, 0.0, 0.0, 4.0};
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    MultivariateGaussian.Stats merged = family.merge(family.statsOf(a, 0, 4), family.statsOf(b, 0, 3));
    MultivariateGaussian.Stats union = family.statsOf(all, 0, 7);
    assertThat(merged.count()).isEqualTo(7);
    for (int i = 0; i < d; i++) {
      assertThat(merged.mean()[i]).isCloseTo(union.mean()[i], within(1e-13));
    }
    double[] sm = scatter(merged, d);
    double[] su = scatter(union, d);
    for (int i = 0; i < sm.length; i++) {
      assertThat(sm[i]).isCloseTo(su[i], within(1e-12));
    }
    assertThat(merged.logDet() + d * merged.logScale()).isCloseTo(union.logDet() + d * union.logScale(), within(1e-10));
    // Three points in three dimensions: rank 2, det exactly 0 whatever the rounding.
    assertThat(family.statsOf(b, 0, 3).logDet()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void measurementsMatchClosedFormsWhereTheyExist() {
    // Commuting covariances: W2² = ‖δ‖² + Σ_i (√c_i − √σ_i)².
    MultivariateGaussian truth = new MultivariateGaussian(new double[] {0, 0}, new double[] {1, 0, 0, 4}, Estimator.MLE);
    MultivariateGaussian other = new MultivariateGaussian(new double[] {1, -2}, new double[] {9, 0, 0, 0.25}, Estimator.MLE);
    double[] v = new double[truth.metrics().size()];
    truth.measure(other.truth(), v);
    assertThat(v[0]).as("var_ratio").isCloseTo(9.25 / 5, within(1e-14));
    assertThat(v[1]).as("log_var").isCloseTo(Math.log(9.25), within(1e-14));
    assertThat(v[2]).as("mean_sq_error").isCloseTo(5.0, within(1e-14));
    assertThat(v[3]).as("w2_sq").isCloseTo(5.0 + 4.0 + 2.25, within(1e-12));
    assertThat(v[4]).as("log_det_ratio").isCloseTo(Math.log(2.25 / 4), within(1e-13));
    assertThat(v[5]).as("det_ratio").isCloseTo(2.25 / 4, within(1e-13));
    // Not commuting: Σ_0 = [[2,1],[1,2]] (eigenvalues 3, 1), Σ = I: tr(Σ_0^{1/2}) = √3 + 1.
    MultivariateGaussian full = new MultivariateGaussian(new double[] {0, 0}, new double[] {2, 1, 1, 2}, Estimator.MLE);
    MultivariateGaussian identity = new MultivariateGaussian(new double[] {0, 0}, new double[] {1, 0, 0, 1}, Estimator.MLE);
    full.measure(identity.truth(), v);
    assertThat(v[3]).as("w2_sq").isCloseTo(4 + 2 - 2 * (Math.sqrt(3) + 1), within(1e-12));
    full.measure(full.truth(), v);
    assertThat(v[0]).isEqualTo(1.0);
    assertThat(v[3]).isCloseTo(0.0, within(1e-12));
    assertThat(v[4]).isCloseTo(0.0, within(1e-14));
  }

  @Test
  void refusesCovariancesThatAreNotSymmetricPositiveDefiniteDByD() {
    double[] mean = {0, 0};
    assertThatThrownBy(() -> new MultivariateGaussian(mean, new double[] {1, 0.5, 0.4, 1}, Estimator.MLE))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("covariance: must be symmetric");
    assertThatThrownBy(() -> new MultivariateGaussian(mean, new double[] {1, 2, 2, 1}, Estimator.MLE))
        .isInstanceOf(ParameterException.class).hasMessageContaining("covariance: must be positive definite")
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> new MultivariateGaussian(mean, new double[] {1, 0, 0, 0}, Estimator.MLE))
        .isInstanceOf(ParameterException.class).hasMessageContaining("positive definite");
    assertThatThrownBy(() -> new MultivariateGaussian(mean, new double[] {1, 0, 0}, Estimator.MLE))
        .isInstanceOf(ParameterException.class).hasMessageContaining("covariance: must be a 2x2 matrix");
    assertThatThrownBy(() -> FamilySpec.gaussian(3, 0.0, new double[] {1, 0, 0, 1}, Estimator.MLE))
        .isInstanceOf(ParameterException.class).hasMessageContaining("covariance: must be a 3x3 matrix");
  }

  /** The accumulate-subsample pool keeps d doubles per point, so its memory guard scales with d. */
  @Test
  void thePoolsMemoryGuardCountsEveryCoordinate() {
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 1000).withRate(1, Pool.CORPORA)
        .withKnobs(1, 1, 0, 0.01, 0);
    FamilyRecursion.check(new UnivariateGaussian(0, 1, Estimator.MLE), spec, 20_000); // 160 MB: fits
    double[] identity = new double[100];
    for (int i = 0; i < 10; i++) {
      identity[i * 10 + i] = 1;
    }
    MultivariateGaussian ten = new MultivariateGaussian(new double[10], identity, Estimator.MLE);
    assertThatThrownBy(() -> FamilyRecursion.check(ten, spec, 20_000)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("max-generations: ").hasMessageContaining("80 bytes");
  }

  /**
   * Fully synthetic in d = 3 (full Σ_0) against MATH.md §7's d-dimensional exact forms: E tr Σ_m/tr Σ_0 =
   * r^m (MLE) or 1, E‖μ_m − μ_0‖², E ln det ratio = m Σ_i[ψ((n−i)/2) + ln(2/c)] with Var = m Σ_i ψ′((n−i)/2),
   * and E det ratio = [∏_i (n − i)/c]^m. Heavy-tailed means (the trace and det ratios) are compared while
   * their log's variance is at most 1, as the comparison stage does.
   */
  @Test
  void replaceInThreeDimensionsFollowsTheExactForms() {
    int d = 3;
    int n = 10;
    int cap = 20;
    int runs = 4000;
    double z = z(2 * 5 * cap);
    double trace = SIGMA[0] + SIGMA[4] + SIGMA[8];
    for (Estimator estimator : Estimator.values()) {
      MultivariateGaussian family = new MultivariateGaussian(MU, SIGMA, estimator);
      ParadigmSpec spec = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0.01, 0);
      Moments acc = new Moments(cap, family.metrics().size());
      for (int r = 0; r < runs; r++) {
        FamilyRecursion.run(family, spec, cap, CellSeeds.cellSeed(50 + estimator.ordinal(), r), acc);
      }
      GaussianReplace exact = new GaussianReplace(trace, n, estimator);
      double coordinateStep = new GaussianReplace(1, n, estimator).stepVariance();
      for (int m = 1; m <= cap; m++) {
        assertMean(acc, 4, m, m * exact.logDetStepMean(d), z, estimator + " E ln det ratio");
        double v = acc.variance(4, m);
        double exactVar = m * exact.logDetStepVariance(d);
        // The sample variance's SE ≈ v·sqrt((2 + excess kurtosis)/R); a sum of log-χ² steps has excess kurtosis < 1.
        assertThat(Math.abs(v - exactVar) / (exactVar * Math.sqrt(3.0 / runs)))
            .as("%s Var ln det at m = %d: %s vs %s, |z| < %s", estimator, m, v, exactVar, z).isLessThan(z);
        boolean light = m * coordinateStep <= 1.0;
        if (light || estimator == Estimator.MLE) {
          assertMean(acc, 2, m, exact.expectedMeanSqError(m), z, estimator + " E mse");
        }
        if (light) {
          assertMean(acc, 0, m, exact.expectedVariance(m) / trace, z, estimator + " E var ratio");
        }
        if (exactVar <= 1.0) {
          assertMean(acc, 5, m, exact.expectedDetRatio(m, d), z, estimator + " E det ratio");
        }
      }
    }
  }

  /** The trace form of the one-step recursions (accumulate, real anchor) in d = 3, and the raw-point pool. */
  @Test
  void otherParadigmsFollowTheTraceRecursions() {
    int n = 10;
    int cap = 10;
    int runs = 3000;
    double z = z(2 * 2 * cap);
    double trace = SIGMA[0] + SIGMA[4] + SIGMA[8];
    MultivariateGaussian family = new MultivariateGaussian(MU, SIGMA, Estimator.MLE);
    ParadigmSpec accumulate = ParadigmSpec.defaults(Paradigm.ACCUMULATE, n).withRate(0.5, Pool.CORPORA)
        .withKnobs(1, 1, 0, 0.01, 0);
    ParadigmSpec anchored = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0.01, 1);
    GaussianMoments.Curves[] exact = {GaussianMoments.accumulate(trace, n, 5, Estimator.MLE, cap),
        GaussianMoments.realAnchor(trace, n, 1, Estimator.MLE, cap)};
    ParadigmSpec[] specs = {accumulate, anchored};
    for (int p = 0; p < specs.length; p++) {
      Moments acc = new Moments(cap, family.metrics().size());
      for (int r = 0; r < runs; r++) {
        FamilyRecursion.run(family, specs[p], cap, CellSeeds.cellSeed(70 + p, r), acc);
      }
      for (int m = 1; m <= cap; m++) {
        assertMean(acc, 0, m, exact[p].variance()[m] / trace, z, specs[p].paradigm() + " E var ratio");
        assertMean(acc, 2, m, exact[p].meanSqError()[m], z, specs[p].paradigm() + " E mse");
      }
    }
    // accumulate-subsample keeps raw points; generation 1 fits the n real points of the pool: E var ratio = r.
    ParadigmSpec subsample = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, n).withRate(1, Pool.CORPORA)
        .withKnobs(1, 1, 0, 0.01, 0);
    Moments acc = new Moments(cap, family.metrics().size());
    for (int r = 0; r < runs; r++) {
      FamilyRecursion.run(family, subsample, cap, CellSeeds.cellSeed(80, r), acc);
    }
    assertMean(acc, 0, 1, (n - 1.0) / n, z, "accumulate-subsample E var ratio");
    assertMean(acc, 2, 1, trace / n, z, "accumulate-subsample E mse");
    // Reruns are bit-identical.
    Moments once = new Moments(cap, family.metrics().size());
    Moments twice = new Moments(cap, family.metrics().size());
    FamilyRecursion.run(family, subsample, cap, 99, once);
    FamilyRecursion.run(family, subsample, cap, 99, twice);
    for (int k = 0; k < family.metrics().size(); k++) {
      assertThat(twice.sum[k]).containsExactly(once.sum[k]);
    }
  }

  private static void assertMean(Moments acc, int metric, int m, double formula, double z, String what) {
    double mean = acc.mean(metric, m);
    double se = acc.se(metric, m);
    assertThat(Math.abs(mean - formula) / se).as("%s at m = %d: %s vs %s, |z| < %s", what, m, mean, formula, z)
        .isLessThan(z);
  }
}
