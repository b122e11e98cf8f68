package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.theory.RealAnchorRecursion;
import org.collapsefarm.theory.SeddikTheorem1;
import org.collapsefarm.theory.SmoothingRecursion;
import org.junit.jupiter.api.Test;

/**
 * The kernel with one mitigation knob against MATH.md §6's exact recursions, at fixed seeds: the mean
 * of σ_m over R runs must lie within z·SE of S^A_m or S^λ_m at every generation, z the Bonferroni
 * threshold for a family-wise level {@link #ALPHA} over the generations compared. Each test also
 * shows the check has power: the knob-free eq. 6 lies many SEs away at the last generation.
 */
class KnobTheoryTest {
  private static final double ALPHA = 1e-3;
  private static final int RUNS = 4000;
  private static final int CAP = 30;
  private static final Context CONTEXT = Contexts.powerLaw(50, 8, 0.2, 4);

  @Test
  void realAnchorSigmaFollowsTheExactRecursion() {
    int n = 10;
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0, 1);
    double[] exact = new RealAnchorRecursion(CONTEXT.s0(), n, 1).expectedSigma(CAP);
    GenerationAccumulator acc = simulate(spec, 21);
    assertFollows(acc, exact, new SeddikTheorem1(CONTEXT.s0(), CONTEXT.support(), n).expectedSigma(CAP));
  }

  @Test
  void smoothedSigmaFollowsTheExactRecursion() {
    int n = 10;
    double lambda = 0.1;
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, lambda, 0.1, 0);
    double[] exact = new SmoothingRecursion(CONTEXT.s0(), n, lambda, CONTEXT.vocabulary()).expectedSigma(CAP);
    GenerationAccumulator acc = simulate(spec, 22);
    assertFollows(acc, exact, new SeddikTheorem1(CONTEXT.s0(), CONTEXT.support(), n).expectedSigma(CAP));
  }

  private static GenerationAccumulator simulate(ParadigmSpec spec, long sweep) {
    GenerationAccumulator acc = new GenerationAccumulator(CAP);
    for (int r = 0; r < RUNS; r++) {
      Recursion.run(CONTEXT, spec, CAP, CellSeeds.cellSeed(sweep, r), acc);
    }
    return acc;
  }

  private static void assertFollows(GenerationAccumulator acc, double[] exact, double knobFree) {
    double z = Stats.bonferroniZ(ALPHA, CAP);
    double se = 0;
    double mean = 0;
    for (int m = 1; m <= CAP; m++) {
      double runs = acc.runs(m);
      mean = acc.sum(Metric.SIGMA, m) / runs;
      se = Math.sqrt((acc.sumOfSquares(Metric.SIGMA, m) / runs - mean * mean) / runs);
      assertThat(se).as("generation %d has spread", m).isGreaterThan(0);
      assertThat(Math.abs(mean - exact[m]) / se)
          .as("S_%d = %s vs exact %s, |z| < %s", m, mean, exact[m], z)
          .isLessThan(z);
    }
    assertThat(Math.abs(mean - knobFree) / se).as("eq. 6 without the knob is rejected").isGreaterThan(10 * z);
  }
}
