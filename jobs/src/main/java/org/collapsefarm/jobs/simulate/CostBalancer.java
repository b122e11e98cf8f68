package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads cells over partitions by estimated cost with the greedy longest-processing-time rule
 * (Graham 1969: sort by cost, descending; give each cell to the least-loaded bin; makespan ≤ 4/3 of
 * optimal). Cell cost varies by orders of magnitude (collapse time grows like n), so id order would
 * leave one partition with all the expensive cells. Ties break on cell id and bin index: the result
 * depends on the cells alone.
 */
public final class CostBalancer {
  private CostBalancer() {}

  /** The cells split into at most {@code bins} non-empty bins; each bin lists its cells by id. */
  public static List<List<CellTask>> balance(List<CellTask> cells, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    int count = Math.min(bins, Math.max(1, cells.size()));
    List<CellTask> byCost = new ArrayList<>(cells);
    byCost.sort(
        Comparator.comparingDouble(CellTask::estimatedCost).reversed().thenComparing(CellTask::cellId));
    List<List<CellTask>> result = new ArrayList<>(count);
    PriorityQueue<double[]> loads = // {load, bin index}
        new PriorityQueue<>(Comparator.<double[]>comparingDouble(b -> b[0]).thenComparingDouble(b -> b[1]));
    for (int b = 0; b < count; b++) {
      result.add(new ArrayList<>());
      loads.add(new double[] {0.0, b});
    }
    for (CellTask cell : byCost) {
      double[] least = loads.poll();
      result.get((int) least[1]).add(cell);
      least[0] += cell.estimatedCost();
      loads.add(least);
    }
    result.removeIf(List::isEmpty);
    result.forEach(bin -> bin.sort(Comparator.comparing(CellTask::cellId)));
    return result;
  }
}
