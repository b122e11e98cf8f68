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
import org.collapsefarm.paradigm.Paradigm;
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
    this.contexts = contextsById(sweep);
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
   * The balancing weight of one run: expected generations G plus the token-generations the kernel
   * walks (its work follows the live support, MATH.md §3). Other paradigms keep their support, so
   * that is G·k with k = min(n, s~). Under fully synthetic the live support dies out like the alleles
   * of a Wright–Fisher population (Kingman's coalescent: about 4n/m lineages — at most that many
   * distinct tokens — remain after m generations), so Σ_m min(k, 4n/m) ≈ 4n·(1 + ln(G·k/4n)) once
   * G·k exceeds 4n. A heuristic: only the ordering of cells matters to the balancer.
   */
  static double estimatedCost(Group group, Context context) {
    double generations = Math.max(1.0, group.estimatedGenerations());
    int n = group.spec().n();
    double k = Math.min(n, context.support());
    double tokenGenerations = generations * k;
    double coalescent = 4.0 * n;
    if (group.spec().paradigm() == Paradigm.FULLY_SYNTHETIC && tokenGenerations > coalescent) {
      tokenGenerations = coalescent * (1 + Math.log(tokenGenerations / coalescent));
    }
    return generations + tokenGenerations;
  }

  /** Σ over every cell of {@link #estimatedCost}: the sweep's work, in the same units. */
  public static double totalEstimatedCost(Sweep sweep) {
    Map<String, Context> contexts = contextsById(sweep);
    return sweep.groups().stream().mapToDouble(g -> estimatedCost(g, contexts.get(g.contextId()))).sum()
        * sweep.replicates();
  }

  private static Map<String, Context> contextsById(Sweep sweep) {
    Map<String, Context> contexts = new HashMap<>();
    for (ContextEntry entry : sweep.contexts()) {
      contexts.put(entry.contextId(), entry.context());
    }
    return contexts;
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
