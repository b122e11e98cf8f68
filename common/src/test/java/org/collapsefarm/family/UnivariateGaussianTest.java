package org.collapsefarm.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.collapsefarm.ParameterException;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

class UnivariateGaussianTest {
  private static final UnivariateGaussian MLE = new UnivariateGaussian(1.0, 4.0, Estimator.MLE);

  /** Kolmogorov–Smirnov critical value at level 1e-3 for a sample of size r: sqrt(−ln(α/2)/2)/√r. */
  private static double ksCritical(int r) {
    return Math.sqrt(-Math.log(1e-3 / 2) / 2) / Math.sqrt(r);
  }

  private static double ks(double[] x, java.util.function.DoubleUnaryOperator cdf) {
    Arrays.sort(x);
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      double f = cdf.applyAsDouble(x[i]);
      d = Math.max(d, Math.max(Math.abs(f - i / (double) x.length), Math.abs(f - (i + 1) / (double) x.length)));
    }
    return d;
  }

  @Test
  void sufficientStatisticsHaveTheirExactLaws() {
    UniformRandomProvider rng = CellSeeds.stream(1);
    int n = 7;
    int r = 20_000;
    UnivariateGaussian.Model model = new UnivariateGaussian.Model(-2.0, Math.log(9.0));
    double[] means = new double[r];
    double[] scaledScatter = new double[r];
    for (int i = 0; i < r; i++) {
      UnivariateGaussian.Stats s = MLE.sample(model, n, rng);
      assertThat(s.count()).isEqualTo(n);
      means[i] = s.mean();
      scaledScatter[i] = Math.exp(s.logScatter()) / 9.0;
    }
    NormalDistribution mean = NormalDistribution.of(-2.0, 3.0 / Math.sqrt(n));
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(n - 1);
    assertThat(ks(means, mean::cumulativeProbability)).as("mean ~ N(mu, sigma^2/n)").isLessThan(ksCritical(r));
    assertThat(ks(scaledScatter, chi::cumulativeProbability)).as("scatter ~ sigma^2 chi^2_{n-1}")
        .isLessThan(ksCritical(r));
  }

  @Test
  void aRunsCopyKeepsSamplersThatDrawExactlyWhatFreshOnesWould() {
    UniformRandomProvider a = CellSeeds.stream(9);
    UniformRandomProvider b = CellSeeds.stream(9);
    UnivariateGaussian run = MLE.forRun();
    UnivariateGaussian.Model model = new UnivariateGaussian.Model(0.5, Math.log(3.0));
    for (int i = 0; i < 1000; i++) {
      int n = i % 7 == 0 ? 4 : 10; // switching sizes rebuilds the kept samplers
      UnivariateGaussian.Stats cached = run.sample(model, n, a);
      double mean = 0.5 + model.sd()
          * org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(b).sample() / Math.sqrt(n);
      double chi = org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler
          .of(b, 0.5 * (n - 1), 2.0).sample();
      assertThat(cached.mean()).isCloseTo(mean, within(1e-15));
      assertThat(cached.logScatter()).isEqualTo(Math.log(3.0) + Math.log(chi));
      assertThat(cached.rootScatter()).isEqualTo(model.sd() * Math.sqrt(chi));
    }
  }

  @Test
  void aRunsCopyGivesTheSharedInstancesResults() {
    for (Estimator estimator : Estimator.values()) {
      UnivariateGaussian shared = new UnivariateGaussian(1.0, 4.0, estimator);
      UnivariateGaussian run = shared.forRun();
      UniformRandomProvider a = CellSeeds.stream(3);
      UniformRandomProvider b = CellSeeds.stream(3);
      UnivariateGaussian.Model ms = shared.truth();
      UnivariateGaussian.Model mr = run.truth();
      double[] vs = new double[5];
      double[] vr = new double[5];
      for (int m = 1; m <= 200; m++) {
        int n = m % 5 == 0 ? 3 : 20;
        ms = shared.fit(shared.sample(ms, n, a));
        mr = run.fit(run.sample(mr, n, b));
        shared.measure(ms, vs);
        run.measure(mr, vr);
        assertThat(vr).containsExactly(vs);
        double epsilon = m % 3 == 0 ? 0.5 : 0.01;
        assertThat(run.collapsed(mr, epsilon)).isEqualTo(shared.collapsed(ms, epsilon));
      }
    }
  }

  @Test
  void theLinearSdFollowsTheLogVariance() {
    // σ_m is carried as a product of m roots beside ln σ²_m: the two agree to the rounding of m products.
    UnivariateGaussian run = new UnivariateGaussian(0.0, 2.0, Estimator.UNBIASED).forRun();
    UniformRandomProvider rng = CellSeeds.stream(4);
    UnivariateGaussian.Model model = run.truth();
    for (int m = 1; m <= 1000; m++) {
      model = run.fit(run.sample(model, 1000, rng));
      assertThat(model.sd() / Math.exp(0.5 * model.logVar())).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void mergeIsTheStatisticsOfTheUnionAndFitDividesByTheEstimatorsDivisor() {
    double[] a = {0.5, 2.0, -1.0};
    double[] b = {3.0, 3.5};
    UnivariateGaussian.Stats merged = MLE.merge(stats(a), stats(b));
    UnivariateGaussian.Stats all = stats(new double[] {0.5, 2.0, -1.0, 3.0, 3.5});
    assertThat(merged.count()).isEqualTo(5);
    assertThat(merged.mean()).isCloseTo(all.mean(), within(1e-14));
    assertThat(merged.logScatter()).isCloseTo(all.logScatter(), within(1e-14));
    // a single point has scatter 0 (log −∞) and merges exactly
    UnivariateGaussian.Stats one = MLE.merge(stats(new double[] {0.5}), stats(new double[] {2.0, -1.0}));
    assertThat(one.logScatter()).isCloseTo(stats(a).logScatter(), within(1e-14));
    double scatter = Math.exp(all.logScatter());
    assertThat(Math.exp(MLE.fit(all).logVar())).isCloseTo(scatter / 5, within(1e-12));
    UnivariateGaussian unbiased = new UnivariateGaussian(1.0, 4.0, Estimator.UNBIASED);
    assertThat(Math.exp(unbiased.fit(all).logVar())).isCloseTo(scatter / 4, within(1e-12));
  }

  @Test
  void measuresAgainstTheTruth() {
    double[] v = new double[5];
    MLE.measure(new UnivariateGaussian.Model(2.0, Math.log(1.0)), v);
    assertThat(v[0]).isCloseTo(0.25, within(1e-15)); // var_ratio
    assertThat(v[1]).isCloseTo(0.0, within(1e-15)); // log_var
    assertThat(v[2]).isCloseTo(1.0, within(1e-15)); // (2 − 1)²
    assertThat(v[3]).isCloseTo(1.0 + 1.0, within(1e-15)); // + (1 − 2)²
    assertThat(v[4]).isCloseTo(Math.log(0.25), within(1e-15));
    assertThat(MLE.collapsed(new UnivariateGaussian.Model(0, Math.log(0.04)), 0.01)).isTrue();
    assertThat(MLE.collapsed(new UnivariateGaussian.Model(0, Math.log(0.05)), 0.01)).isFalse();
  }

  @Test
  void theLogSpaceModelOutlivesTheDoubleRange() {
    // MLE, n = 3: ln σ² drifts by ψ(1) + ln(2/3) = −0.98 per generation, below e^{−745} by m ≈ 800.
    Moments acc = new Moments(3000, 5);
    FamilyRecursion.run(new UnivariateGaussian(0, 1, Estimator.MLE), ParadigmSpec.fullySynthetic(3).withKnobs(1, 1, 0,
        0.01, 0), 3000, CellSeeds.cellSeed(5, 0), acc);
    assertThat(acc.mean(0, 3000)).isEqualTo(0.0); // var_ratio underflows
    assertThat(acc.mean(1, 3000)).isFinite().isLessThan(-1000); // log_var does not
  }

  @Test
  void refusesWhatItCannotFit() {
    ParadigmSpec noEpsilon = ParadigmSpec.fullySynthetic(10);
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, noEpsilon, 10)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("collapse-epsilon: is required for the gaussian family");
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, ParadigmSpec.fullySynthetic(1).withKnobs(1, 1, 0, 0.1, 0), 10))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("n: ");
    ParadigmSpec partial = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(1).withKnobs(1, 1, 0, 0.1, 0);
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, partial, 10)).hasMessageStartingWith("real-n: ");
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, ParadigmSpec.fullySynthetic(10).withKnobs(0.8, 1, 0, 0.1, 0), 10))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("temperature: does not apply to the gaussian family");
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, ParadigmSpec.fullySynthetic(10).withKnobs(1, 0.9, 0, 0.1, 0), 10))
        .hasMessageStartingWith("top-p: does not apply");
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0.1, 0.1, 0), 10))
        .hasMessageStartingWith("smoothing: does not apply");
    assertThatThrownBy(() -> new UnivariateGaussian(0, 0, Estimator.MLE)).hasMessageStartingWith("variance: ");
  }

  @Test
  void refusesAPoolThatWouldNotFitInMemory() {
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 1000)
        .withRate(1.0, org.collapsefarm.paradigm.Pool.CORPORA).withKnobs(1, 1, 0, 0.1, 0);
    FamilyRecursion.check(MLE, spec, 1000); // 10^6 points: 8 MB
    assertThatThrownBy(() -> FamilyRecursion.check(MLE, spec, 100_000)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("max-generations: accumulate-subsample with pool = corpora keeps every sample")
        .hasMessageContaining("use pool = fresh");
    FamilyRecursion.check(MLE, spec.withRate(1.0, org.collapsefarm.paradigm.Pool.FRESH), 100_000);
  }

  private static UnivariateGaussian.Stats stats(double[] x) {
    double mean = Arrays.stream(x).average().orElseThrow();
    double scatter = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
    return new UnivariateGaussian.Stats(x.length, mean, Math.log(scatter));
  }
}
