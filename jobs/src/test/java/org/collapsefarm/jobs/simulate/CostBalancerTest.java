package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

class CostBalancerTest {
  private static CellTask cell(String id, double cost) {
    return cell("g", id, cost);
  }

  private static CellTask cell(String group, String id, double cost) {
    return new CellTask(id, group, "c", ParadigmSpec.fullySynthetic(2), 0, 1L, cost, 0, false);
  }

  private static double makespan(List<List<CellTask>> bins) {
    return bins.stream()
        .mapToDouble(b -> b.stream().mapToDouble(CellTask::estimatedCost).sum())
        .max()
        .orElse(0);
  }

  /** Costs spanning orders of magnitude, in id order expensive-first (the case id order gets wrong). */
  private static List<CellTask> skewed() {
    List<CellTask> cells = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 400; i++) {
      double cost = i < 40 ? 1000 + random.nextInt(1000) : 1 + random.nextInt(20);
      cells.add(cell(String.format("cell-%04d", i), cost));
    }
    return cells;
  }

  @Test
  void everyCellLandsInExactlyOneBin() {
    List<CellTask> cells = skewed();
    List<List<CellTask>> bins = CostBalancer.balance(cells, 8);
    List<String> ids = new ArrayList<>();
    bins.forEach(b -> b.forEach(c -> ids.add(c.cellId())));
    assertThat(bins).hasSize(8);
    assertThat(ids).hasSize(cells.size()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(cells.stream().map(CellTask::cellId).toList());
  }

  @Test
  void cheapGroupsStayTogetherSoEachBinTouchesFewGroups() {
    // 64 groups × 50 equal cells over 8 bins: each group fits in one block (cost 50 ≤ 3200/32 = 100),
    // so a bin holds 8 whole groups — not cells of all 64, as cell-by-cell LPT would give.
    List<CellTask> cells = new ArrayList<>();
    for (int g = 0; g < 64; g++) {
      for (int r = 0; r < 50; r++) {
        cells.add(cell(String.format("g%02d", g), String.format("g%02d-%06d", g, r), 1.0));
      }
    }
    List<List<CellTask>> bins = CostBalancer.balance(cells, 8);
    assertThat(bins).hasSize(8);
    for (List<CellTask> bin : bins) {
      assertThat(bin.stream().map(CellTask::groupId).distinct().count()).isEqualTo(8);
      assertThat(bin).hasSize(400);
    }
  }

  @Test
  void makespanWithinGrahamBoundOfLowerBound() {
    List<CellTask> cells = skewed();
    int bins = 8;
    double total = cells.stream().mapToDouble(CellTask::estimatedCost).sum();
    double biggest = cells.stream().mapToDouble(CellTask::estimatedCost).max().orElseThrow();
    double lowerBound = Math.max(total / bins, biggest); // no schedule beats this
    double lpt = makespan(CostBalancer.balance(cells, bins));
    // LPT on blocks: ≤ 4/3 of the best schedule of those blocks, which is at most the lower bound
    // plus one block (≤ mean load / BLOCKS_PER_BIN, or a single cell).
    assertThat(lpt).isLessThanOrEqualTo(4.0 / 3.0 * (lowerBound + Math.max(biggest, total / bins / CostBalancer.BLOCKS_PER_BIN)));
    assertThat(lpt).isLessThanOrEqualTo(1.25 * lowerBound); // what it achieves on this input
    // Contiguous id-order slices (what a plain repartition of the id-sorted list gives) are far worse here.
    double idOrder = 0;
    int per = cells.size() / bins;
    for (int b = 0; b < bins; b++) {
      idOrder = Math.max(idOrder,
          cells.subList(b * per, (b + 1) * per).stream().mapToDouble(CellTask::estimatedCost).sum());
    }
    assertThat(idOrder).isGreaterThan(2 * lpt);
  }

  @Test
  void resultDependsOnTheCellsNotTheirInputOrder() {
    List<CellTask> cells = skewed();
    List<CellTask> shuffled = new ArrayList<>(cells);
    Collections.shuffle(shuffled, new Random(3));
    assertThat(CostBalancer.balance(shuffled, 5)).isEqualTo(CostBalancer.balance(cells, 5));
  }

  @Test
  void binsListCellsByIdAndNeverExceedCellCount() {
    List<CellTask> cells = skewed().subList(0, 3);
    List<List<CellTask>> bins = CostBalancer.balance(cells, 7);
    assertThat(bins).hasSize(3);
    bins.forEach(b -> assertThat(b).isSortedAccordingTo(Comparator.comparing(CellTask::cellId)));
  }
}
