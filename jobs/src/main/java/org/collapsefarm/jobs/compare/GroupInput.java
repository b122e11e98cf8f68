package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.theory.TheoryRow;

/**
 * Everything the comparison knows of one group, gathered from the {@code runs}, {@code
 * generation_stats} and {@code theory} tables: plain Java, so every check is tested without Spark.
 * Runs are kept in replicate order and the rest in generation order, so that every sum is taken in
 * the same order on every execution.
 */
public final class GroupInput {
  private final String groupId;
  private final Context context;
  private final ParadigmSpec spec;
  private final int maxGenerations;
  private final List<RunOutcome> runs;
  private final NavigableMap<Integer, GenerationMoments> stats;
  /** quantity → (generation → value); scalars under {@link #SCALAR}. */
  private final Map<String, NavigableMap<Integer, Double>> theory = new TreeMap<>();
  private final Map<String, String> sources = new TreeMap<>();
  private static final int SCALAR = -1;

  public GroupInput(
      String groupId, Context context, ParadigmSpec spec, int maxGenerations, List<RunOutcome> runs,
      List<GenerationMoments> stats, List<TheoryRow> theoryRows) {
    this.groupId = groupId;
    this.context = context;
    this.spec = spec;
    this.maxGenerations = maxGenerations;
    List<RunOutcome> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingInt(RunOutcome::replicate));
    this.runs = List.copyOf(sorted);
    this.stats = new TreeMap<>();
    stats.forEach(s -> this.stats.put(s.generation(), s));
    for (TheoryRow row : theoryRows) {
      theory.computeIfAbsent(row.quantity(), q -> new TreeMap<>())
          .put(row.generation() == null ? SCALAR : row.generation(), row.value());
      sources.putIfAbsent(row.quantity(), row.source());
    }
  }

  public String groupId() {
    return groupId;
  }

  public Context context() {
    return context;
  }

  public ParadigmSpec spec() {
    return spec;
  }

  public int maxGenerations() {
    return maxGenerations;
  }

  /** The group's runs, by replicate. */
  public List<RunOutcome> runs() {
    return runs;
  }

  /** The generation_stats rows, by generation. */
  public NavigableMap<Integer, GenerationMoments> stats() {
    return stats;
  }

  /** A per-generation theory quantity (generation → value), empty when absent. */
  public NavigableMap<Integer, Double> curve(String quantity) {
    NavigableMap<Integer, Double> all = theory.get(quantity);
    return all == null ? new TreeMap<>() : all.tailMap(0, true);
  }

  /** A scalar theory quantity, if present. */
  public OptionalDouble scalar(String quantity) {
    NavigableMap<Integer, Double> all = theory.get(quantity);
    return all == null || !all.containsKey(SCALAR) ? OptionalDouble.empty() : OptionalDouble.of(all.get(SCALAR));
  }

  /** The source of a theory quantity, or "" when absent. */
  public String source(String quantity) {
    return sources.getOrDefault(quantity, "");
  }

  /** Whether the theory table holds no row for this group. */
  public boolean hasNoTheory() {
    return theory.isEmpty();
  }

  /** The number of censored runs. */
  public long censoredCount() {
    return runs.stream().filter(RunOutcome::censored).count();
  }
}
