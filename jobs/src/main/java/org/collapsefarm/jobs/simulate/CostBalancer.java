package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads cells over partitions by estimated cost with the greedy longest-processing-time rule
 * (Graham 1969: sort by cost, descending; give each item to the least-loaded bin; makespan ≤ 4/3 of
 * the optimum for those items). Cell cost varies by orders of magnitude (collapse time grows like
 * n), so id order would leave one partition with all the expensive cells.
 *
 * <p>The items are <em>blocks</em>: replicate ranges of one group whose cost stays within
 * 1/{@link #BLOCKS_PER_BIN} of a bin's mean load. A partition keeps one per-generation accumulator
 * per group it touches, so handing out whole blocks keeps that to about groups/bins accumulators
 * instead of all of them, while blocks small next to a bin keep the balance close to LPT's on single
 * cells. Blocks are ranges, not cells, so the balance costs O(groups + bins) whatever the number of
 * cells. Ties break on group id, first replicate and bin index: the result depends on the ranges
 * alone.
 *
 * <p>A chunk's cells are a hash-chosen share of every range ({@link CellFactory#cells}), the same
 * share of each in expectation, so one balance of the whole sweep serves every chunk.
 */
public final class CostBalancer {
  /** Blocks per bin at least: the granularity of the balance. */
  static final int BLOCKS_PER_BIN = 4;

  private static final Comparator<CellRange> BY_ID =
      Comparator.comparing((CellRange r) -> r.group().groupId()).thenComparingInt(CellRange::from);

  private CostBalancer() {}

  /**
   * The ranges split into blocks over at most {@code bins} non-empty bins; each bin lists its blocks
   * by group id and first replicate.
   */
  public static List<List<CellRange>> balance(List<CellRange> ranges, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    long cells = ranges.stream().mapToLong(CellRange::size).sum();
    int count = (int) Math.min(bins, Math.max(1, cells));
    List<CellRange> blocks = blocks(ranges, count);
    blocks.sort(Comparator.comparingDouble(CellRange::cost).reversed().thenComparing(BY_ID));
    List<List<CellRange>> result = new ArrayList<>(count);
    PriorityQueue<double[]> loads = // {load, bin index}
        new PriorityQueue<>(Comparator.<double[]>comparingDouble(b -> b[0]).thenComparingDouble(b -> b[1]));
    for (int b = 0; b < count; b++) {
      result.add(new ArrayList<>());
      loads.add(new double[] {0.0, b});
    }
    for (CellRange block : blocks) {
      double[] least = loads.poll();
      result.get((int) least[1]).add(block);
      least[0] += block.cost();
      loads.add(least);
    }
    result.removeIf(List::isEmpty);
    result.forEach(bin -> bin.sort(BY_ID));
    return result;
  }

  /**
   * Each range cut into the fewest equal runs of replicates whose cost is at most
   * total/(bins·BLOCKS_PER_BIN) (a run holds at least one cell), empty ranges dropped.
   */
  static List<CellRange> blocks(List<CellRange> ranges, int bins) {
    double limit = ranges.stream().mapToDouble(CellRange::cost).sum() / ((double) bins * BLOCKS_PER_BIN);
    List<CellRange> blocks = new ArrayList<>();
    for (CellRange range : ranges) {
      if (range.size() == 0) {
        continue;
      }
      long pieces = limit > 0 ? (long) Math.ceil(range.cost() / limit) : 1;
      pieces = Math.max(1, Math.min(range.size(), pieces));
      for (long i = 0; i < pieces; i++) {
        blocks.add(range.slice(
            (int) (range.from() + range.size() * i / pieces), (int) (range.from() + range.size() * (i + 1) / pieces)));
      }
    }
    return blocks;
  }
}
