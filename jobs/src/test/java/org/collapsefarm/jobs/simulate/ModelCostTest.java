package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.collapsefarm.family.Estimator;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

class ModelCostTest {
  private static FamilySpec gaussian(int d) {
    double[] identity = new double[d * d];
    for (int i = 0; i < d; i++) {
      identity[i * d + i] = 1;
    }
    return FamilySpec.gaussian(d, 0, identity, Estimator.MLE);
  }

  @Test
  void aGenerationCostsTheSameWhateverNButGrowsWithTheDimensionAndThePool() {
    ParadigmSpec replace10 = ParadigmSpec.defaults(Paradigm.FULLY_SYNTHETIC, 10);
    ParadigmSpec replace1000 = ParadigmSpec.defaults(Paradigm.FULLY_SYNTHETIC, 1000);
    assertThat(ModelCost.nanosPerGeneration(gaussian(10), replace1000))
        .isEqualTo(ModelCost.nanosPerGeneration(gaussian(10), replace10))
        // FamilyCost on exponential-families: d = 10 costs about ten times d = 1
        .isGreaterThan(5 * ModelCost.nanosPerGeneration(gaussian(1), replace10));
    assertThat(ModelCost.nanosPerGeneration(FamilySpec.poisson(1), replace10))
        .isEqualTo(ModelCost.nanosPerGeneration(gaussian(1), replace10));
    ParadigmSpec subsample1000 = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 1000);
    assertThat(ModelCost.nanosPerGeneration(gaussian(10), subsample1000) - ModelCost.nanosPerGeneration(gaussian(10), replace1000))
        .isEqualTo(ModelCost.NANOS_PER_POOLED_COORDINATE * 1000 * 10);
  }

  @Test
  void thePlanWeighsAModelsCellsByModelCostInTheContextsUnitsAndTheTimeEstimateInNanoseconds() throws Exception {
    Sweep sweep = SweepLoader.load(Path.of("..", "conf", "exponential-families.conf"), List.of());
    CellPlan plan = CellPlan.of(sweep, 1);
    double nanos = 0;
    for (CellRange range : plan.groups()) {
      Group g = range.group();
      double perGeneration = ModelCost.nanosPerGeneration(plan.models().get(g.contextId()), g.spec());
      assertThat(range.cellCost() * SimulateJob.NANOS_PER_COST_UNIT)
          .isCloseTo(Math.max(1.0, g.estimatedGenerations()) * perGeneration, within(1e-6));
      nanos += sweep.replicates() * Math.max(1.0, g.estimatedGenerations()) * perGeneration;
    }
    assertThat(TimeEstimate.workCoreSeconds(sweep)).isCloseTo(nanos / 1e9, within(1e-9));
  }
}
