package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Spreads cells over partitions by estimated cost with the greedy longest-processing-time rule
 * (Graham 1969: sort by cost, descending; give each item to the least-loaded bin; makespan ≤ 4/3 of
 * the optimum for those items). Cell cost varies by orders of magnitude (collapse time grows like
 * n), so id order would leave one partition with all the expensive cells.
 *
 * <p>The items are <em>blocks</em>: consecutive cells of one group whose cost stays within
 * 1/{@link #BLOCKS_PER_BIN} of a bin's mean load. A partition keeps one per-generation accumulator
 * per group it touches, so handing out whole blocks keeps that to about groups/bins accumulators
 * instead of all of them, while blocks small next to a bin keep the balance close to LPT's on single
 * cells. Ties break on cell id and bin index: the result depends on the cells alone.
 */
public final class CostBalancer {
  /** Blocks per bin at least: the granularity of the balance. */
  static final int BLOCKS_PER_BIN = 4;

  private CostBalancer() {}

  /** The cells split into at most {@code bins} non-empty bins; each bin lists its cells by id. */
  public static List<List<CellTask>> balance(List<CellTask> cells, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    int count = Math.min(bins, Math.max(1, cells.size()));
    List<List<CellTask>> blocks = blocks(cells, count);
    blocks.sort(
        Comparator.<List<CellTask>>comparingDouble(CostBalancer::cost)
            .reversed()
            .thenComparing(b -> b.get(0).cellId()));
    List<List<CellTask>> result = new ArrayList<>(count);
    PriorityQueue<double[]> loads = // {load, bin index}
        new PriorityQueue<>(Comparator.<double[]>comparingDouble(b -> b[0]).thenComparingDouble(b -> b[1]));
    for (int b = 0; b < count; b++) {
      result.add(new ArrayList<>());
      loads.add(new double[] {0.0, b});
    }
    for (List<CellTask> block : blocks) {
      double[] least = loads.poll();
      result.get((int) least[1]).addAll(block);
      least[0] += cost(block);
      loads.add(least);
    }
    result.removeIf(List::isEmpty);
    result.forEach(bin -> bin.sort(Comparator.comparing(CellTask::cellId)));
    return result;
  }

  /** Each group's cells, by id, cut into runs of cost at most total/(bins·BLOCKS_PER_BIN) (≥ 1 cell). */
  static List<List<CellTask>> blocks(List<CellTask> cells, int bins) {
    double limit = cells.stream().mapToDouble(CellTask::estimatedCost).sum() / ((double) bins * BLOCKS_PER_BIN);
    TreeMap<String, List<CellTask>> groups = new TreeMap<>();
    for (CellTask cell : cells) {
      groups.computeIfAbsent(cell.groupId(), g -> new ArrayList<>()).add(cell);
    }
    List<List<CellTask>> blocks = new ArrayList<>();
    for (List<CellTask> group : groups.values()) {
      group.sort(Comparator.comparing(CellTask::cellId));
      List<CellTask> block = new ArrayList<>();
      double cost = 0;
      for (CellTask cell : group) {
        if (!block.isEmpty() && cost + cell.estimatedCost() > limit) {
          blocks.add(block);
          block = new ArrayList<>();
          cost = 0;
        }
        block.add(cell);
        cost += cell.estimatedCost();
      }
      blocks.add(block);
    }
    return blocks;
  }

  private static double cost(List<CellTask> block) {
    double c = 0;
    for (CellTask cell : block) {
      c += cell.estimatedCost();
    }
    return c;
  }
}
