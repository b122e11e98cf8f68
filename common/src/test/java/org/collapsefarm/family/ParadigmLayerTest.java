package org.collapsefarm.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.kernel.Recursion;
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
 * The paradigm layer against the optimised categorical kernel, an independent implementation of
 * the same paradigms: the categorical model written as a family ({@link CategoricalFamily}) and run
 * through {@link FamilyRecursion} must give the kernel's E σ_m at every generation, for every
 * paradigm, variant and the real anchor. Two independent samples of R runs each; at every m the
 * two-sample z = (mean_a − mean_b)/sqrt(se_a² + se_b²) must stay below the Bonferroni threshold for a
 * family-wise level {@link #ALPHA} over all the generations and specs compared.
 */
class ParadigmLayerTest {
  private static final double ALPHA = 1e-3;
  private static final double[] P = {0.4, 0.3, 0.2, 0.1};
  private static final int N = 6;
  private static final int RUNS = 3000;
  private static final int CAP = 12;

  private static List<ParadigmSpec> specs() {
    List<ParadigmSpec> specs = new ArrayList<>();
    specs.add(ParadigmSpec.fullySynthetic(N));
    specs.add(ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, N).withRealN(5));
    specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, N).withWindow(4, Allocation.SPLIT));
    specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, N).withWindow(3, Allocation.LITERAL));
    specs.add(ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, N).withSource(SourceMode.PER_SAMPLE));
    specs.add(ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, N).withSource(SourceMode.PER_GENERATION));
    specs.add(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, N).withRate(0.5, Pool.CORPORA));
    specs.add(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, N).withRate(2.0, Pool.FRESH));
    specs.add(ParadigmSpec.defaults(Paradigm.ACCUMULATE, N).withRate(1.0, Pool.CORPORA));
    specs.add(ParadigmSpec.fullySynthetic(N).withKnobs(1, 1, 0, 0, 2));
    specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, N).withWindow(2, Allocation.SPLIT).withKnobs(1, 1, 0, 0, 1));
    return specs;
  }

  @Test
  void everyParadigmGivesTheKernelsLawThroughTheFamilySeam() {
    List<ParadigmSpec> specs = specs();
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(ALPHA / (2.0 * specs.size() * CAP));
    CategoricalFamily family = new CategoricalFamily(P);
    for (ParadigmSpec spec : specs) {
      GenerationAccumulator kernel = new GenerationAccumulator(CAP);
      Moments seam = new Moments(CAP, 1);
      for (int r = 0; r < RUNS; r++) {
        Recursion.run(Contexts.explicit(P), spec, CAP, CellSeeds.cellSeed(1, r), kernel);
        FamilyRecursion.run(family, spec, CAP, CellSeeds.cellSeed(2, r), seam);
      }
      for (int m = 1; m <= CAP; m++) {
        double[] a = meanAndSe(kernel, m);
        double[] b = {seam.mean(0, m), seam.se(0, m)};
        double stat = (a[0] - b[0]) / Math.sqrt(a[1] * a[1] + b[1] * b[1]);
        assertThat(Math.abs(stat)).as("%s m = %d: kernel %s, seam %s, |z| < %s", spec.canonical(), m, a[0], b[0], z)
            .isLessThan(z);
      }
    }
  }

  @Test
  void theSeamStopsAnAbsorbedFullySyntheticRunAndFillsItsTail() {
    CategoricalFamily family = new CategoricalFamily(new double[] {0.5, 0.5});
    Moments acc = new Moments(1000, 1);
    var result = FamilyRecursion.run(family, ParadigmSpec.fullySynthetic(2), 1000, CellSeeds.cellSeed(3, 0), acc);
    assertThat(result.censored()).isFalse();
    assertThat(result.generationsRun()).isEqualTo(result.collapseTime()).isLessThan(1000);
    assertThat(acc.runs).containsOnly(1L);
    assertThat(acc.mean(0, 1000)).isEqualTo(1.0);
    assertThat(acc.collapsed[1000]).isEqualTo(1);
  }

  private static double[] meanAndSe(GenerationAccumulator acc, int m) {
    double runs = acc.runs(m);
    double mean = acc.sum(Metric.SIGMA, m) / runs;
    double var = acc.sumOfSquares(Metric.SIGMA, m) / runs - mean * mean;
    return new double[] {mean, Math.sqrt(Math.max(var, 0) / runs)};
  }
}
