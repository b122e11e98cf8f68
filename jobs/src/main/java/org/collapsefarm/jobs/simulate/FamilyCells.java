package org.collapsefarm.jobs.simulate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.family.ModelFamily;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.GenerationSink;

/**
 * The cells of model families on an executor (MATH.md §7): {@link FamilyRecursion#run} per cell with
 * the group's {@link FamilyAccumulator} (on the {@link GenerationGrid}) as the sink, and the cell's
 * {@code runs} row — the categorical columns null, {@code family} and {@code final_<measurement>}
 * set. A cell asked to record its trajectory also writes its measurements at the grid's generations to
 * {@code trajectories} ({@link TrajectoryRecorder}, the family's own columns).
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

  /** Runs the cell, adds its trajectory rows to {@code trajectories} if it records one, returns its {@code runs} row. */
  Row run(CellTask cell, List<Row> trajectories) {
    FamilySpec spec = models.get(cell.contextId());
    ModelFamily<?, ?> family = built.computeIfAbsent(cell.contextId(), id -> spec.build());
    FamilyAccumulator acc = accumulators.computeIfAbsent(cell.groupId(),
        g -> new FamilyAccumulator(grid.size() - 1, family.metrics()));
    long start = System.nanoTime();
    GenerationSink sink = new GridSink(grid, acc);
    if (cell.recordTrajectory()) {
      sink = new TeeSink(sink, new TrajectoryRecorder(cell.cellId(), cell.groupId(), family.metrics(), grid, trajectories));
    }
    RunResult result = FamilyRecursion.run(family, cell.spec(), maxGenerations, cell.seed(), sink);
    long elapsed = System.nanoTime() - start;
    return row(cell, spec.family(), family.metrics(), result, elapsed);
  }

  /** The accumulators of the groups run so far. */
  Map<String, FamilyAccumulator> accumulators() {
    return accumulators;
  }

  private Row row(CellTask cell, String family, List<String> metrics, RunResult result, long elapsedNs) {
    Double[] values = new Double[FamilySpec.COLUMNS.size()];
    for (int j = 0; j < values.length; j++) {
      int k = metrics.indexOf(FamilySpec.COLUMNS.get(j));
      values[j] = k < 0 ? null : result.finalValues()[k];
    }
    return CellRunner.runRow(cell, maxGenerations, result, elapsedNs, family, values);
  }
}
