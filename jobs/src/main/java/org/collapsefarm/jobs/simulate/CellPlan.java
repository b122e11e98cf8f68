package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.context.Context;
import org.collapsefarm.jobs.config.Cells;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.random.CellSeeds;

/**
 * The cells of a sweep: (group × replicate), in the sweep's deterministic group order, each with its
 * seed, a cost estimate and its commit chunk. Built on the driver; no Spark here.
 */
public final class CellPlan {
  private final Sweep sweep;
  private final Map<String, Context> contexts;
  private final List<CellTask> cells;

  private CellPlan(Sweep sweep, int chunks) {
    this.sweep = sweep;
    this.contexts = new HashMap<>();
    for (ContextEntry entry : sweep.contexts()) {
      contexts.put(entry.contextId(), entry.context());
    }
    this.cells = new ArrayList<>(Math.toIntExact(sweep.cellCount()));
    for (Group group : sweep.groups()) {
      double cost = estimatedCost(group, contexts.get(group.contextId()));
      for (int r = 0; r < sweep.replicates(); r++) {
        cells.add(cell(sweep.seed(), sweep.trajectories(), group, cost, r, chunks));
      }
    }
  }

  /**
   * Replicate r of a group, as a cell: a function of the sweep seed, the group and r only (so that
   * executors can build the same cells from the groups alone).
   */
  static CellTask cell(long sweepSeed, Trajectories trajectories, Group group, double cost, int r, int chunks) {
    String cellId = Cells.cellId(group.groupId(), r);
    return new CellTask(
        cellId,
        group.groupId(),
        group.contextId(),
        group.spec(),
        r,
        Cells.seed(sweepSeed, cellId),
        cost,
        chunkOf(cellId, chunks),
        trajectories.records(r));
  }

  /** The plan of {@code sweep} with its cells spread over {@code chunks} commit chunks. */
  public static CellPlan of(Sweep sweep, int chunks) {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
    }
    return new CellPlan(sweep, chunks);
  }

  /**
   * The commit chunk of a cell: a hash of its id modulo the chunk count. It depends on the cell's
   * identity only (never on partitions or executors), so a restarted sweep finds the same chunks,
   * and expensive groups spread over all chunks instead of filling one.
   */
  public static int chunkOf(String cellId, int chunks) {
    return (int) Math.floorMod(CellSeeds.key(cellId), (long) chunks);
  }

  /**
   * The balancing weight of one run: expected generations × per-generation work. A generation's
   * work follows the live support (MATH.md §3: sampling cost should follow the live support, not the
   * vocabulary or n), which starts at min(n, s~) at most; the +1 keeps the per-generation
   * bookkeeping of tiny cells visible.
   */
  static double estimatedCost(Group group, Context context) {
    return Math.max(1.0, group.estimatedGenerations())
        * (1 + Math.min(group.spec().n(), context.support()));
  }

  public Sweep sweep() {
    return sweep;
  }

  /** Every cell, in group order then replicate order. */
  public List<CellTask> cells() {
    return cells;
  }

  /** context_id → context, for the broadcast. */
  public Map<String, Context> contexts() {
    return contexts;
  }
}
