package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.theory.ExactChain;
import org.collapsefarm.theory.SeddikTheorem2;
import org.junit.jupiter.api.Test;

/**
 * Simulations against exact results (MATH.md §4), at fixed seeds. Every threshold comes from the
 * test's null distribution: a family-wise level {@link #ALPHA} with Bonferroni over the generations
 * compared (the z is printed in each assertion's description).
 */
class RecursionTheoryTest {
  /** Family-wise false-alarm probability of each test. */
  private static final double ALPHA = 1e-3;

  @Test
  void fullySyntheticCollapseTimeMatchesTheExactAbsorbingChain() {
    double[] p = {0.5, 0.3, 0.2};
    int n = 8;
    int runs = 40_000;
    int cap = 400;
    int compared = 30;
    ExactChain chain = new ExactChain(p, n);
    double[] survival = chain.survival(compared);
    Context context = Contexts.explicit(p);
    GenerationAccumulator acc = new GenerationAccumulator(cap);
    double sumT = 0;
    double sumT2 = 0;
    long[] survivors = new long[compared + 1];
    for (int r = 0; r < runs; r++) {
      RunResult res = Recursion.run(context, ParadigmSpec.fullySynthetic(n), cap, CellSeeds.cellSeed(1, r), acc);
      assertThat(res.censored()).as("P(T > %d) is below 1e-30", cap).isFalse();
      int t = res.collapseTime();
      sumT += t;
      sumT2 += (double) t * t;
      for (int k = 0; k < Math.min(t, compared + 1); k++) {
        survivors[k]++;
      }
    }
    double z = Stats.bonferroniZ(ALPHA, compared + 1);
    double mean = sumT / runs;
    double se = Math.sqrt((sumT2 / runs - mean * mean) / runs);
    assertThat(Math.abs(mean - chain.expectedCollapseTime()) / se)
        .as("E[T] %s vs exact %s, |z| < %s", mean, chain.expectedCollapseTime(), z)
        .isLessThan(z);
    for (int k = 1; k <= compared; k++) {
      double exact = survival[k];
      double empirical = survivors[k] / (double) runs;
      // The runs' own accumulator must say the same: #(T > k) = runs − collapsedBy(k).
      assertThat(runs - acc.collapsedBy(k)).isEqualTo(survivors[k]);
      assertThat(acc.collapsed(k)).isEqualTo(acc.collapsedBy(k));
      double sd = Math.sqrt(exact * (1 - exact) / runs);
      assertThat(Math.abs(empirical - exact) / sd)
          .as("P(T > %d) = %s vs exact %s, |z| < %s", k, empirical, exact, z)
          .isLessThan(z);
    }
  }

  @Test
  void fullySyntheticSigmaFollowsTheorem1AtEveryGeneration() {
    Context context = Contexts.powerLaw(600, 52, 0.1, 0);
    int n = 20;
    int runs = 20_000;
    int cap = 60;
    GenerationAccumulator acc = simulate(context, ParadigmSpec.fullySynthetic(n), runs, cap, 2);
    double s0 = context.s0();
    double z = Stats.bonferroniZ(ALPHA, cap);
    for (int m = 1; m <= cap; m++) {
      double exact = 1 - Math.pow(1 - 1.0 / n, m) * (1 - s0); // [S] Theorem 1, eq. 6
      assertSigma(acc, m, exact, z);
    }
  }

  @Test
  void absorbingTokenFollowsProposition1() {
    Context context = Contexts.powerLaw(50, 8, 0.2, 4);
    int runs = 20_000;
    long[] hits = new long[context.vocabulary()];
    for (int r = 0; r < runs; r++) {
      RunResult res =
          Recursion.run(context, ParadigmSpec.fullySynthetic(10), 100_000, CellSeeds.cellSeed(3, r), GenerationSink.NONE);
      assertThat(res.censored()).isFalse();
      hits[res.absorbingToken()]++;
    }
    double chi2 = 0;
    for (int i = 0; i < context.support(); i++) {
      double expected = runs * context.prob(i); // [S] Proposition 1: P(absorbing = i) = p_i
      assertThat(expected).isGreaterThan(5);
      double d = hits[context.token(i)] - expected;
      chi2 += d * d / expected;
      hits[context.token(i)] = 0;
    }
    assertThat(hits).as("only support tokens can absorb").containsOnly(0L);
    double critical = Stats.chiSquareCritical(context.support() - 1, ALPHA);
    assertThat(chi2).as("chi-square with %d df, critical %s", context.support() - 1, critical).isLessThan(critical);
  }

  @Test
  void partiallySyntheticSigmaFollowsTheTheorem2Recursion() {
    Context context = Contexts.powerLaw(100, 10, 0.2, 5);
    int bigN = 20;
    int n = 10;
    int runs = 20_000;
    int cap = 30;
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, n).withRealN(bigN);
    GenerationAccumulator acc = simulate(context, spec, runs, cap, 6);
    double[] exact = new SeddikTheorem2(context.s0(), bigN, n).expectedSigma(cap);
    double z = Stats.bonferroniZ(ALPHA, cap);
    for (int m = 1; m <= cap; m++) {
      assertSigma(acc, m, exact[m], z);
    }
  }

  @Test
  void mostRecentWithWindowOneIsFullySyntheticInDistribution() {
    Context context = Contexts.powerLaw(100, 12, 0.15, 8);
    int n = 10;
    int runs = 20_000;
    int cap = 100_000;
    ParadigmSpec window1 = ParadigmSpec.defaults(Paradigm.MOST_RECENT, n).withWindow(1, Allocation.SPLIT);
    // Independent samples (different sweep seeds), binned collapse times: chi-square homogeneity.
    int bins = 40;
    long[][] table = new long[2][bins];
    ParadigmSpec[] specs = {ParadigmSpec.fullySynthetic(n), window1};
    for (int s = 0; s < 2; s++) {
      for (int r = 0; r < runs; r++) {
        RunResult res = Recursion.run(context, specs[s], cap, CellSeeds.cellSeed(10 + s, r), GenerationSink.NONE);
        assertThat(res.censored()).isFalse();
        table[s][Math.min(res.collapseTime(), bins) - 1]++;
      }
    }
    double chi2 = 0;
    int df = -1;
    for (int b = 0; b < bins; b++) {
      double column = table[0][b] + table[1][b];
      if (column == 0) {
        continue;
      }
      df++;
      for (int s = 0; s < 2; s++) {
        double expected = column / 2;
        double d = table[s][b] - expected;
        chi2 += d * d / expected;
      }
    }
    double critical = Stats.chiSquareCritical(df, ALPHA);
    assertThat(chi2).as("two-sample chi-square on T with %d df, critical %s", df, critical).isLessThan(critical);
  }

  private static GenerationAccumulator simulate(Context context, ParadigmSpec spec, int runs, int cap, long sweep) {
    GenerationAccumulator acc = new GenerationAccumulator(cap);
    for (int r = 0; r < runs; r++) {
      Recursion.run(context, spec, cap, CellSeeds.cellSeed(sweep, r), acc);
    }
    return acc;
  }

  private static void assertSigma(GenerationAccumulator acc, int m, double exact, double z) {
    double runs = acc.runs(m);
    double mean = acc.sum(Metric.SIGMA, m) / runs;
    double var = acc.sumOfSquares(Metric.SIGMA, m) / runs - mean * mean;
    double se = Math.sqrt(var / runs);
    assertThat(se).as("generation %d has spread", m).isGreaterThan(0);
    assertThat(Math.abs(mean - exact) / se)
        .as("S_%d = %s vs exact %s, |z| < %s", m, mean, exact, z)
        .isLessThan(z);
  }
}
