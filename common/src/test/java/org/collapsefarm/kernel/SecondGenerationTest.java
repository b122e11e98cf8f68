package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.paradigm.SourceMode;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

/**
 * Which sources generation 2 draws from, paradigm by paradigm (MATH.md §2), through E σ_2, derived
 * here by hand. With S_0 = Σp², S_1 = E σ_1 = 1/n + (1 − 1/n) S_0 and E[p^(0)·p^(1)] = S_0:
 *
 * <ul>
 *   <li>randomly sampled, per-sample: Mult(n, (p0 + p1)/2), E σ_2 = 1/n + (1 − 1/n)(3 S_0 + S_1)/4;
 *   <li>randomly sampled, per-generation: p0 or p1 with probability ½ each, E σ_2 = ½ S_1 + ½ (1/n +
 *       (1 − 1/n) S_1);
 *   <li>most recent K = 2, split: n/2 from each, E σ_2 = [n + h(h−1)(S_0 + S_1) + 2h² S_0]/n², h = n/2;
 *   <li>accumulate-subsample, fresh, rate k: Mult(n, (p0 + k p1)/(1 + k)), E σ_2 = 1/n + (1 − 1/n)(S_0
 *       + 2k S_0 + k² S_1)/(1 + k)²;
 *   <li>accumulate, r = round(kn): (D_0 + S_1)/(n + r), E σ_2 = [n + n(n−1)S_0 + 2r(1 + (n−1)S_0) + r +
 *       r(r−1) S_1]/(n + r)².
 * </ul>
 *
 * The variants differ by far more than the test's resolution (printed with each check), so a
 * paradigm wired to the wrong sources fails. z from Bonferroni over the five checks at level 1e-3.
 */
class SecondGenerationTest {
  private static final Context CONTEXT = Contexts.powerLaw(100, 10, 0.2, 11);
  private static final int N = 6;
  private static final int RUNS = 60_000;
  private static final double Z = Stats.bonferroniZ(1e-3, 5);

  private static double s0() {
    return CONTEXT.s0();
  }

  private static double s1() {
    return 1.0 / N + (1 - 1.0 / N) * s0();
  }

  @Test
  void randomlySampledPerSampleDrawsFromTheMixture() {
    check(ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, N).withSource(SourceMode.PER_SAMPLE),
        1.0 / N + (1 - 1.0 / N) * (3 * s0() + s1()) / 4);
  }

  @Test
  void randomlySampledPerGenerationDrawsFromOneSource() {
    check(ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, N).withSource(SourceMode.PER_GENERATION),
        0.5 * s1() + 0.5 * (1.0 / N + (1 - 1.0 / N) * s1()));
  }

  @Test
  void mostRecentSplitsOverTheWindow() {
    double h = N / 2.0;
    check(ParadigmSpec.defaults(Paradigm.MOST_RECENT, N).withWindow(2, Allocation.SPLIT),
        (N + h * (h - 1) * (s0() + s1()) + 2 * h * h * s0()) / (N * N));
  }

  @Test
  void accumulateSubsampleFreshDrawsFromTheWeightedMixture() {
    double k = 2;
    check(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, N).withRate(k, Pool.FRESH),
        1.0 / N + (1 - 1.0 / N) * (s0() + 2 * k * s0() + k * k * s1()) / ((1 + k) * (1 + k)));
  }

  @Test
  void accumulateTrainsOnD0PlusTheFirstCorpus() {
    double r = 3; // round(0.5 · 6)
    double n = N;
    check(ParadigmSpec.defaults(Paradigm.ACCUMULATE, N).withRate(0.5, Pool.CORPORA),
        (n + n * (n - 1) * s0() + 2 * r * (1 + (n - 1) * s0()) + r + r * (r - 1) * s1()) / ((n + r) * (n + r)));
  }

  private static void check(ParadigmSpec spec, double exact) {
    GenerationAccumulator acc = new GenerationAccumulator(2);
    for (int r = 0; r < RUNS; r++) {
      Recursion.run(CONTEXT, spec, 2, CellSeeds.cellSeed(21, r), acc);
    }
    double mean1 = acc.sum(Metric.SIGMA, 1) / RUNS;
    double mean = acc.sum(Metric.SIGMA, 2) / RUNS;
    double se = Math.sqrt((acc.sumOfSquares(Metric.SIGMA, 2) / RUNS - mean * mean) / RUNS);
    double se1 = Math.sqrt((acc.sumOfSquares(Metric.SIGMA, 1) / RUNS - mean1 * mean1) / RUNS);
    assertThat(Math.abs(mean1 - s1()) / se1).as("S_1 %s vs %s, |z| < %s", mean1, s1(), Z).isLessThan(Z);
    assertThat(Math.abs(mean - exact) / se)
        .as("%s: E sigma_2 = %s vs %s (se %s), |z| < %s", spec.canonical(), mean, exact, se, Z)
        .isLessThan(Z);
  }
}
