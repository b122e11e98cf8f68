package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.context.Context;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.ModelEntry;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.paradigm.Paradigm;

/**
 * The cells of a sweep, as the driver holds them: one {@link CellRange} of every replicate per group
 * (in the sweep's deterministic group order, text groups last) with its cells' cost estimate — O(groups) memory,
 * whatever the replicate count — and the {@link CellFactory} that makes the cells themselves on the
 * executors. No Spark here.
 */
public final class CellPlan {
  private final Sweep sweep;
  private final Map<String, Context> contexts;
  private final Map<String, FamilySpec> models;
  private final TextPlan text;
  private final List<CellRange> groups;
  private final CellFactory factory;

  private CellPlan(Sweep sweep, int chunks) {
    this.sweep = sweep;
    this.contexts = contextsById(sweep);
    this.models = modelsById(sweep);
    this.text = TextPlan.of(sweep);
    this.factory = new CellFactory(sweep.seed(), sweep.trajectories(), chunks);
    List<CellRange> ranges = new ArrayList<>(sweep.groups().size());
    for (Group group : sweep.groups()) {
      ranges.add(new CellRange(group,
          estimatedCost(group, contexts.get(group.contextId()), models.get(group.contextId())), 0, sweep.replicates()));
    }
    for (Group group : TextPlan.groups(sweep)) {
      ranges.add(new CellRange(group, TextPlan.estimatedCost(group), 0, sweep.replicates()));
    }
    this.groups = List.copyOf(ranges);
  }

  /** The plan of {@code sweep} with its cells spread over {@code chunks} commit chunks. */
  public static CellPlan of(Sweep sweep, int chunks) {
    return new CellPlan(sweep, chunks);
  }

  /**
   * The balancing weight of one run: expected generations G plus the token-generations the kernel
   * walks (its work follows the live support, MATH.md §3). Other paradigms keep their support, so
   * that is G·k with k = min(n, s~). Under fully synthetic the live support dies out like the alleles
   * of a Wright–Fisher population (Kingman's coalescent: about 4n/m lineages — at most that many
   * distinct tokens — remain after m generations), so Σ_m min(k, 4n/m) ≈ 4n·(1 + ln(G·k/4n)) once
   * G·k exceeds 4n. A heuristic: only the ordering of cells matters to the balancer. A model family's
   * run (null context, {@code model} set) costs G generations at {@link ModelCost}, in the same units
   * ({@link SimulateJob#NANOS_PER_COST_UNIT}), so that a sweep mixing both is balanced.
   */
  static double estimatedCost(Group group, Context context, FamilySpec model) {
    double generations = Math.max(1.0, group.estimatedGenerations());
    if (context == null) {
      return generations * ModelCost.nanosPerGeneration(model, group.spec()) / SimulateJob.NANOS_PER_COST_UNIT;
    }
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
    return of(sweep, 1).groups.stream().mapToDouble(CellRange::cost).sum();
  }

  private static Map<String, Context> contextsById(Sweep sweep) {
    Map<String, Context> contexts = new HashMap<>();
    for (ContextEntry entry : sweep.contexts()) {
      contexts.put(entry.contextId(), entry.context());
    }
    return contexts;
  }

  private static Map<String, FamilySpec> modelsById(Sweep sweep) {
    Map<String, FamilySpec> models = new HashMap<>();
    for (ModelEntry entry : sweep.models()) {
      models.put(entry.contextId(), entry.spec());
    }
    return models;
  }

  public Sweep sweep() {
    return sweep;
  }

  /** Every replicate of every group, one range per group, in group order. */
  public List<CellRange> groups() {
    return groups;
  }

  /** The ranges of the categorical contexts and the models: those that need no corpus. */
  public List<CellRange> groupsWithoutText() {
    return groups.stream().filter(r -> !text.contexts().containsKey(r.group().contextId())).toList();
  }

  /** Makes the cells of the ranges (on the executors). */
  public CellFactory factory() {
    return factory;
  }

  /** Whether any cell records its trajectory (replicates below the sample size, or all). */
  public boolean recordsTrajectories() {
    return sweep.replicates() > 0 && sweep.trajectories().records(0);
  }

  /** context_id → context, for the broadcast. */
  public Map<String, Context> contexts() {
    return contexts;
  }

  /** context_id → model family spec, for the broadcast. */
  public Map<String, FamilySpec> models() {
    return models;
  }

  /** The text contexts and settings, for the broadcast. */
  public TextPlan text() {
    return text;
  }
}
