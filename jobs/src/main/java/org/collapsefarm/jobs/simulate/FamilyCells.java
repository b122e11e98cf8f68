package org.collapsefarm.jobs.simulate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.family.ModelFamily;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.Metric;

/**
 * The cells of model families on an executor (MATH.md §7): {@link FamilyRecursion#run} per cell with
 * the group's {@link FamilyAccumulator} (on the {@link GenerationGrid}) as the sink, and the cell's
 * {@code runs} row — the categorical columns null, {@code family} and {@code final_<measurement>}
 * set. Trajectories are not recorded for model families.
 */
final class FamilyCells {
  /** The {@code family} of a categorical context's rows. */
  static final String CATEGORICAL = "categorical";

  private final Map<String, FamilySpec> models;
  private final int maxGenerations;
  private final GenerationGrid grid;
  private final Map<String, ModelFamily<?, ?>> built = new HashMap<>();
  private final Map<String, FamilyAccumulator> accumulators = new TreeMap<>();

  FamilyCells(Map<String, FamilySpec> models, int maxGenerations, GenerationGrid grid) {
    this.models = models;
    this.maxGenerations = maxGenerations;
    this.grid = grid;
  }

  /** Whether the cell's context is a model family's. */
  boolean runs(CellTask cell) {
    return models.containsKey(cell.contextId());
  }

  /** Runs the cell and returns its {@code runs} row. */
  Row run(CellTask cell) {
    FamilySpec spec = models.get(cell.contextId());
    ModelFamily<?, ?> family = built.computeIfAbsent(cell.contextId(), id -> spec.build());
    FamilyAccumulator acc = accumulators.computeIfAbsent(cell.groupId(),
        g -> new FamilyAccumulator(grid.size() - 1, family.metrics()));
    long start = System.nanoTime();
    RunResult result = FamilyRecursion.run(family, cell.spec(), maxGenerations, cell.seed(), new GridSink(grid, acc));
    long elapsed = System.nanoTime() - start;
    return row(cell, spec.family(), family.metrics(), result, elapsed);
  }

  /** The accumulators of the groups run so far. */
  Map<String, FamilyAccumulator> accumulators() {
    return accumulators;
  }

  private Row row(CellTask cell, String family, List<String> metrics, RunResult result, long elapsedNs) {
    Object[] cols = new Object[12 + Metric.COUNT + 4 + FamilySpec.COLUMNS.size()];
    int i = 0;
    cols[i++] = cell.cellId();
    cols[i++] = cell.groupId();
    cols[i++] = cell.contextId();
    cols[i++] = cell.spec().paradigm().configName();
    cols[i++] = cell.spec().n();
    cols[i++] = cell.replicate();
    cols[i++] = cell.seed();
    cols[i++] = result.censored() ? null : result.collapseTime();
    cols[i++] = result.censored();
    cols[i++] = null; // absorbing_token: categorical only
    cols[i++] = result.generationsRun();
    cols[i++] = maxGenerations;
    i += Metric.COUNT; // final_<categorical metric>: null
    cols[i++] = result.lambda1();
    cols[i++] = result.tokenGenerations();
    cols[i++] = elapsedNs;
    cols[i++] = family;
    for (String column : FamilySpec.COLUMNS) {
      int k = metrics.indexOf(column);
      cols[i++] = k < 0 ? null : result.finalValues()[k];
    }
    return RowFactory.create(cols);
  }
}
