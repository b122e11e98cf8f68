package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

class CostBalancerTest {
  private static CellRange group(String id, double cellCost, int replicates) {
    return new CellRange(new Group(id, "c", ParadigmSpec.fullySynthetic(2), 1), cellCost, 0, replicates);
  }

  private static double cost(List<CellRange> bin) {
    return bin.stream().mapToDouble(CellRange::cost).sum();
  }

  private static double makespan(List<List<CellRange>> bins) {
    return bins.stream().mapToDouble(CostBalancerTest::cost).max().orElse(0);
  }

  /** "group:replicate" of every cell of the bins. */
  private static List<String> cells(List<List<CellRange>> bins) {
    List<String> cells = new ArrayList<>();
    bins.forEach(b -> b.forEach(r -> {
      for (int i = r.from(); i < r.to(); i++) {
        cells.add(r.group().groupId() + ":" + i);
      }
    }));
    return cells;
  }

  /**
   * Costs spanning orders of magnitude, in id order expensive-first (the case id order gets wrong):
   * 400 groups of one replicate, and two groups of many.
   */
  private static List<CellRange> skewed() {
    List<CellRange> groups = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 400; i++) {
      double cost = i < 40 ? 1000 + random.nextInt(1000) : 1 + random.nextInt(20);
      groups.add(group(String.format("g%04d", i), cost, 1));
    }
    groups.add(group("many-cheap", 1, 3000));
    groups.add(group("many-dear", 50, 300));
    return groups;
  }

  @Test
  void everyCellLandsInExactlyOneBin() {
    List<CellRange> groups = skewed();
    List<List<CellRange>> bins = CostBalancer.balance(groups, 8);
    assertThat(bins).hasSize(8);
    assertThat(cells(bins)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cells(List.of(groups)));
  }

  @Test
  void cheapGroupsStayTogetherSoEachBinTouchesFewGroups() {
    // 64 groups × 50 equal cells over 8 bins: each group fits in one block (cost 50 ≤ 3200/32 = 100),
    // so a bin holds 8 whole groups — not cells of all 64, as cell-by-cell LPT would give.
    List<CellRange> groups = new ArrayList<>();
    for (int g = 0; g < 64; g++) {
      groups.add(group(String.format("g%02d", g), 1.0, 50));
    }
    List<List<CellRange>> bins = CostBalancer.balance(groups, 8);
    assertThat(bins).hasSize(8);
    for (List<CellRange> bin : bins) {
      assertThat(bin).hasSize(8).allMatch(r -> r.size() == 50);
    }
  }

  @Test
  void oneHugeGroupIsCutIntoEqualRangesOverEveryBin() {
    List<List<CellRange>> bins = CostBalancer.balance(List.of(group("one", 3.0, 1_000_000_000)), 8);
    assertThat(bins).hasSize(8);
    for (List<CellRange> bin : bins) {
      assertThat(bin).hasSize(CostBalancer.BLOCKS_PER_BIN);
      assertThat(cost(bin)).isEqualTo(3.0 * 1_000_000_000 / 8);
    }
  }

  @Test
  void makespanWithinGrahamBoundOfLowerBound() {
    List<CellRange> groups = skewed();
    int bins = 8;
    double total = groups.stream().mapToDouble(CellRange::cost).sum();
    double biggest = groups.stream().mapToDouble(CellRange::cellCost).max().orElseThrow();
    double lowerBound = Math.max(total / bins, biggest); // no schedule beats this
    double lpt = makespan(CostBalancer.balance(groups, bins));
    // LPT on blocks: ≤ 4/3 of the best schedule of those blocks, which is at most the lower bound
    // plus one block (≤ mean load / BLOCKS_PER_BIN, or a single cell).
    assertThat(lpt).isLessThanOrEqualTo(4.0 / 3.0 * (lowerBound + Math.max(biggest, total / bins / CostBalancer.BLOCKS_PER_BIN)));
    assertThat(lpt).isLessThanOrEqualTo(1.25 * lowerBound); // what it achieves on this input
    // Contiguous id-order slices of the single-cell groups (what a plain repartition of the
    // id-sorted list gives) are far worse here.
    double idOrder = 0;
    int per = 400 / bins;
    for (int b = 0; b < bins; b++) {
      idOrder = Math.max(idOrder, cost(groups.subList(b * per, (b + 1) * per)));
    }
    assertThat(idOrder).isGreaterThan(2 * lpt);
  }

  @Test
  void resultDependsOnTheRangesNotTheirInputOrder() {
    List<CellRange> groups = skewed();
    List<CellRange> shuffled = new ArrayList<>(groups);
    Collections.shuffle(shuffled, new Random(3));
    assertThat(CostBalancer.balance(shuffled, 5)).isEqualTo(CostBalancer.balance(groups, 5));
  }

  @Test
  void binsListRangesByIdAndNeverExceedCellCount() {
    List<CellRange> groups = skewed().subList(0, 3);
    List<List<CellRange>> bins = CostBalancer.balance(groups, 7);
    assertThat(bins).hasSize(3);
    Comparator<CellRange> byId = Comparator.comparing((CellRange r) -> r.group().groupId()).thenComparingInt(CellRange::from);
    bins.forEach(b -> assertThat(b).isSortedAccordingTo(byId));
  }
}
