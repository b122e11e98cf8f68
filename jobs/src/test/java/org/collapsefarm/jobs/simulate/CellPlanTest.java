package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapsefarm.jobs.TestSweeps;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

class CellPlanTest {
  private final Sweep sweep = TestSweeps.mixed("plan", "unused", 30, 50, new Trajectories(Trajectories.Mode.SAMPLE, 2));

  @Test
  void oneCellPerGroupAndReplicateWithContractIdsAndSeeds() {
    CellPlan plan = CellPlan.of(sweep, 4);
    assertThat(plan.cells()).hasSize((int) sweep.cellCount());
    Set<String> ids = new HashSet<>();
    for (CellTask c : plan.cells()) {
      assertThat(c.cellId()).isEqualTo(c.groupId() + "-" + String.format("%06d", c.replicate()));
      assertThat(c.seed()).isEqualTo(CellSeeds.cellSeed(sweep.seed(), CellSeeds.key(c.cellId())));
      assertThat(c.recordTrajectory()).isEqualTo(c.replicate() < 2);
      ids.add(c.cellId());
    }
    assertThat(ids).hasSize(plan.cells().size());
  }

  @Test
  void chunkIsAFunctionOfTheCellIdAndUsesEveryChunk() {
    CellPlan four = CellPlan.of(sweep, 4);
    Set<Integer> used = new HashSet<>();
    for (CellTask c : four.cells()) {
      assertThat(c.chunk()).isEqualTo(CellPlan.chunkOf(c.cellId(), 4)).isBetween(0, 3);
      used.add(c.chunk());
    }
    assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(CellPlan.of(sweep, 1).cells()).allMatch(c -> c.chunk() == 0);
  }

  @Test
  void costGrowsWithEstimatedGenerationsAndSampleSize() {
    List<CellTask> cells = CellPlan.of(sweep, 1).cells();
    CellTask n2 = cells.stream().filter(c -> c.spec().n() == 2).findFirst().orElseThrow();
    CellTask n20 = cells.stream().filter(c -> c.spec().n() == 20).findFirst().orElseThrow();
    assertThat(n20.estimatedCost()).isGreaterThan(n2.estimatedCost());
  }

  @Test
  void totalEstimatedCostIsTheSumOverTheCells() {
    double sum = CellPlan.of(sweep, 3).cells().stream().mapToDouble(CellTask::estimatedCost).sum();
    assertThat(sum).isPositive();
    assertThat(CellPlan.totalEstimatedCost(sweep)).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9 * sum));
  }
}
