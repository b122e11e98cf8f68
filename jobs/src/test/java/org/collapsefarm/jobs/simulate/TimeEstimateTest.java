package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.collapsefarm.context.Context;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.TestSweeps;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

/** The plan's time estimate: start-up plus every cell's cost at its family's measured rate. */
class TimeEstimateTest {
  @Test
  void familiesFollowTheKnobsThenTheParadigm() {
    ParadigmSpec fully = ParadigmSpec.fullySynthetic(10);
    assertThat(TimeEstimate.Family.of(fully)).isEqualTo(TimeEstimate.Family.FULLY_SYNTHETIC);
    assertThat(TimeEstimate.Family.of(fully.withKnobs(0.8, 1, 0, 0, 0))).isEqualTo(TimeEstimate.Family.FULLY_SYNTHETIC);
    assertThat(TimeEstimate.Family.of(fully.withKnobs(1, 1, 0.01, 0.1, 0))).isEqualTo(TimeEstimate.Family.SMOOTHED);
    assertThat(TimeEstimate.Family.of(fully.withKnobs(1, 1, 0, 0, 1))).isEqualTo(TimeEstimate.Family.ANCHORED);
    assertThat(TimeEstimate.Family.of(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10)))
        .isEqualTo(TimeEstimate.Family.ACCUMULATE_SUBSAMPLE);
    assertThat(TimeEstimate.Family.SMOOTHED.nanosPerCostUnit())
        .isGreaterThan(10 * TimeEstimate.Family.FULLY_SYNTHETIC.nanosPerCostUnit());
  }

  @Test
  void wallTimeIsStartUpPlusEveryCellsCostAtItsRateOverTheCores() {
    Sweep s = TestSweeps.mixed("s", "/tmp/nowhere-out", 7, 50, Trajectories.NONE);
    Map<String, Context> contexts = CellPlan.of(s, 1).contexts();
    double nanos = 0;
    for (Group g : s.groups()) {
      nanos += s.replicates() * CellPlan.estimatedCost(g, contexts.get(g.contextId()), null)
          * TimeEstimate.Family.of(g.spec()).nanosPerCostUnit();
    }
    assertThat(nanos).isPositive();
    assertThat(TimeEstimate.workCoreSeconds(s)).isCloseTo(nanos / 1e9, within(1e-12));
    assertThat(TimeEstimate.wallSeconds(s, 2)).isCloseTo(TimeEstimate.STARTUP_SECONDS + nanos / 2e9, within(1e-12));
  }
}
