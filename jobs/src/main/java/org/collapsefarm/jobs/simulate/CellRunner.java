package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.context.Context;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.kernel.Recursion;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;

/**
 * Runs a bin of cells on an executor: {@link Recursion#run} per cell, the group's {@link
 * GenerationAccumulator} (on the {@link GenerationGrid}) as the sink (plus a {@link TrajectoryRecorder} where asked);
 * the cells of a model family go to {@link FamilyCells}, text cells to {@link TextCells}. Plain Java: a
 * cell's result depends on its context, spec, cap and seed only, never on the bin it landed in.
 */
final class CellRunner {
  /** Called after each cell, e.g. to count progress. */
  interface Progress {
    void cellDone();
  }

  private CellRunner() {}

  /**
   * @param cells the bin's cells, made as the iteration advances (never all held at once)
   * @param grid the generations kept in the accumulators and trajectories; accumulator index i is
   *     generation {@code grid.generation(i)}
   */
  static BinResult run(
      Iterable<CellTask> cells, Map<String, Context> contexts, Map<String, FamilySpec> models, TextCells texts,
      int maxGenerations, GenerationGrid grid, Progress progress) {
    List<Row> runs = new ArrayList<>();
    List<Row> trajectories = new ArrayList<>();
    Map<String, GenerationAccumulator> accumulators = new TreeMap<>();
    FamilyCells families = new FamilyCells(models, maxGenerations, grid);
    for (CellTask cell : cells) {
      if (families.runs(cell)) {
        runs.add(families.run(cell, trajectories));
        progress.cellDone();
        continue;
      }
      if (texts.runs(cell)) {
        runs.add(texts.run(cell));
        progress.cellDone();
        continue;
      }
      GenerationAccumulator accumulator =
          accumulators.computeIfAbsent(cell.groupId(), g -> new GenerationAccumulator(grid.size() - 1));
      GenerationSink gridded = new GridSink(grid, accumulator);
      GenerationSink sink =
          cell.recordTrajectory()
              ? new TeeSink(gridded, new TrajectoryRecorder(cell.cellId(), cell.groupId(), contexts.get(cell.contextId()), grid, trajectories))
              : gridded;
      Context context = contexts.get(cell.contextId());
      long start = System.nanoTime();
      RunResult result = Recursion.run(context, cell.spec(), maxGenerations, cell.seed(), sink);
      long elapsed = System.nanoTime() - start;
      runs.add(runRow(cell, maxGenerations, result, elapsed));
      progress.cellDone();
    }
    return new BinResult(runs, trajectories, accumulators, families.accumulators(), texts.accumulators(), texts.samples());
  }

  /** A {@code runs} row ({@link Tables#RUNS_SCHEMA}); T and the absorbing token are null if censored. */
  static Row runRow(CellTask cell, int maxGenerations, RunResult result, long elapsedNs) {
    return runRow(cell, maxGenerations, result, elapsedNs, FamilyCells.CATEGORICAL, null);
  }

  /**
   * A {@code runs} row of a categorical context ({@code familyValues} null: the kernel's metrics are
   * {@code result.finalValues()}) or of a model family (the categorical metrics and the absorbing
   * token null; {@code familyValues} in {@link FamilySpec#COLUMNS} order, null where it has none).
   */
  static Row runRow(CellTask cell, int maxGenerations, RunResult result, long elapsedNs, String family,
      Double[] familyValues) {
    boolean categorical = familyValues == null;
    Object[] cols = new Object[Tables.RUNS_SCHEMA.size()]; // the text columns null
    int i = head(cols, cell, maxGenerations, result, result.censored() || !categorical ? null : result.absorbingToken());
    for (int m = 0; m < Metric.COUNT; m++) {
      cols[i++] = categorical ? result.finalValues()[m] : null;
    }
    cols[i++] = result.lambda1();
    cols[i++] = result.tokenGenerations();
    cols[i++] = elapsedNs;
    cols[i++] = family;
    if (!categorical) {
      System.arraycopy(familyValues, 0, cols, i, familyValues.length);
    }
    return RowFactory.create(cols);
  }

  /** Fills the {@code runs} columns from {@code cell_id} to {@code max_generations}; returns the next index. */
  static int head(Object[] cols, CellTask cell, int maxGenerations, RunResult result, Integer absorbingToken) {
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
    cols[i++] = absorbingToken;
    cols[i++] = result.generationsRun();
    cols[i++] = maxGenerations;
    return i;
  }
}
