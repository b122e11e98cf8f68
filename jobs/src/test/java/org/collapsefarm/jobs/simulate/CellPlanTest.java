package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapsefarm.jobs.TestSweeps;
import org.collapsefarm.jobs.config.Cells;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

class CellPlanTest {
  private final Sweep sweep = TestSweeps.mixed("plan", "unused", 30, 50, new Trajectories(Trajectories.Mode.SAMPLE, 2));

  private static List<CellTask> all(CellPlan plan) {
    List<CellTask> cells = new ArrayList<>();
    plan.factory().cells(plan.groups(), CellFactory.ALL_CHUNKS).forEach(cells::add);
    return cells;
  }

  @Test
  void oneCellPerGroupAndReplicateWithContractIdsAndSeeds() {
    CellPlan plan = CellPlan.of(sweep, 4);
    assertThat(plan.groups()).hasSize(sweep.groups().size());
    List<CellTask> cells = all(plan);
    assertThat(cells).hasSize((int) sweep.cellCount());
    Set<String> ids = new HashSet<>();
    for (CellTask c : cells) {
      assertThat(c.cellId()).isEqualTo(c.groupId() + "-" + String.format("%06d", c.replicate()));
      assertThat(c.seed()).isEqualTo(CellSeeds.cellSeed(sweep.seed(), CellSeeds.key(c.cellId())));
      assertThat(c.recordTrajectory()).isEqualTo(c.replicate() < 2);
      CellRange group = plan.groups().stream().filter(g -> g.group().groupId().equals(c.groupId())).findFirst().orElseThrow();
      assertThat(plan.factory().cell(group.group(), group.cellCost(), c.replicate())).isEqualTo(c);
      ids.add(c.cellId());
    }
    assertThat(ids).hasSize(cells.size());
    assertThat(plan.recordsTrajectories()).isTrue();
    assertThat(CellPlan.of(TestSweeps.mixed("none", "unused", 30, 50, Trajectories.NONE), 1).recordsTrajectories()).isFalse();
  }

  @Test
  void chunkIsAFunctionOfTheCellIdAndTheChunksPartitionTheCells() {
    CellPlan four = CellPlan.of(sweep, 4);
    Set<Integer> used = new HashSet<>();
    for (CellTask c : all(four)) {
      assertThat(c.chunk()).isEqualTo(CellFactory.chunkOf(c.cellId(), 4)).isBetween(0, 3);
      used.add(c.chunk());
    }
    assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    List<CellTask> byChunk = new ArrayList<>();
    for (int chunk = 0; chunk < 4; chunk++) {
      for (CellTask c : four.factory().cells(four.groups(), chunk)) {
        assertThat(c.chunk()).isEqualTo(chunk);
        byChunk.add(c);
      }
    }
    assertThat(byChunk).containsExactlyInAnyOrderElementsOf(all(four));
    assertThat(all(CellPlan.of(sweep, 1))).allMatch(c -> c.chunk() == 0);
  }

  @Test
  void keysWithoutTheIdAreTheKeysOfTheCellIds() {
    String group = sweep.groups().get(3).groupId();
    for (int r : new int[] {0, 7, 42, 999_999, 1_000_000, 123_456_789, Integer.MAX_VALUE}) {
      assertThat(Cells.key(group, r)).as("replicate %d", r).isEqualTo(CellSeeds.key(Cells.cellId(group, r)));
    }
  }

  @Test
  void keySequencesStepThroughTheKeysOfTheCellIds() {
    String group = sweep.groups().get(5).groupId();
    for (int from : new int[] {0, 999_990, 9_999_995}) {
      Cells.KeySequence keys = new Cells.KeySequence(group, from);
      for (int r = from; r < from + 20; r++) {
        assertThat(keys.replicate()).isEqualTo(r);
        assertThat(keys.key()).as("replicate %d", r).isEqualTo(CellSeeds.key(Cells.cellId(group, r)));
        keys.next();
      }
    }
  }

  @Test
  void aBillionCellPlanHoldsOneRangePerGroup() {
    // 8 groups × 125,000,000 replicates = 10^9 cells: the plan, its cost and its balance stay O(groups).
    Sweep huge = TestSweeps.mixed("huge", "unused", 125_000_000, 50, Trajectories.NONE);
    assertThat(huge.cellCount()).isEqualTo(1_000_000_000L);
    CellPlan plan = CellPlan.of(huge, 5_000);
    assertThat(plan.groups()).hasSize(8).allMatch(r -> r.size() == 125_000_000);
    List<List<CellRange>> bins = CostBalancer.balance(plan.groups(), 16);
    assertThat(bins).hasSize(16);
    assertThat(bins.stream().mapToLong(b -> b.stream().mapToLong(CellRange::size).sum()).sum()).isEqualTo(1_000_000_000L);
    assertThat(bins.stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(16 * CostBalancer.BLOCKS_PER_BIN + 8);
    assertThat(CellPlan.totalEstimatedCost(huge)).isCloseTo(
        plan.groups().stream().mapToDouble(r -> r.cellCost() * 125_000_000.0).sum(), within(1.0));
  }

  @Test
  void costGrowsWithEstimatedGenerationsAndSampleSize() {
    List<CellTask> cells = all(CellPlan.of(sweep, 1));
    CellTask n2 = cells.stream().filter(c -> c.spec().n() == 2).findFirst().orElseThrow();
    CellTask n20 = cells.stream().filter(c -> c.spec().n() == 20).findFirst().orElseThrow();
    assertThat(n20.estimatedCost()).isGreaterThan(n2.estimatedCost());
  }

  @Test
  void totalEstimatedCostIsTheSumOverTheCells() {
    double sum = all(CellPlan.of(sweep, 3)).stream().mapToDouble(CellTask::estimatedCost).sum();
    assertThat(sum).isPositive();
    assertThat(CellPlan.totalEstimatedCost(sweep)).isCloseTo(sum, within(1e-9 * sum));
  }
}
