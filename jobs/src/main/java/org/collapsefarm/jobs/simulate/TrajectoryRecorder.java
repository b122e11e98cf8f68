package org.collapsefarm.jobs.simulate;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.context.Context;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;

/**
 * A sink that turns one cell's generations into {@code trajectories} rows, at the generations of
 * the {@link GenerationGrid} (every generation for caps up to its dense limit). An absorbed tail
 * (fully synthetic after collapse) is written out point by point up to the cap.
 *
 * <p>For a context whose support has at most {@link #PROBS_MAX_SUPPORT} tokens the row also holds
 * p^(m) itself ({@link Tables#PROBS}: the probabilities of the tokens of {@code contexts.tokens}, in
 * that order), so that the report can draw the points of [S] Fig. 1 on the simplex; a smoothed model
 * puts the rest of its mass, 1 − Σ probs, on the tokens outside the support of p^(0). Larger
 * supports write null: the vector would dominate the table's size and no figure reads it.
 *
 * <p>A model family's run (MATH.md §7) writes its measurements to their own columns ({@link
 * FamilySpec#COLUMNS}: var_ratio, log_var, … for a Gaussian, rate, rate_zero, mean_sq_error for a
 * Poisson), as in {@code generation_stats}, and null in the categorical metric columns and probs; a
 * categorical run writes null in the family columns.
 */
final class TrajectoryRecorder implements GenerationSink {
  /** The largest support whose p^(m) is recorded. */
  static final int PROBS_MAX_SUPPORT = 10;

  private final String cellId;
  private final String groupId;
  private final GenerationGrid grid;
  private final List<Row> out;
  /** The support's token ids (increasing), or null when p^(m) is not recorded. */
  private final int[] supportTokens;
  /** The current model at the support's tokens. */
  private final double[] current;
  /** For a model family: the {@link FamilySpec#COLUMNS} index of each of its measurements; null otherwise. */
  private final int[] familyColumns;

  TrajectoryRecorder(String cellId, String groupId, Context context, GenerationGrid grid, List<Row> out) {
    this.cellId = cellId;
    this.groupId = groupId;
    this.grid = grid;
    this.out = out;
    boolean record = context.support() <= PROBS_MAX_SUPPORT;
    this.supportTokens = record ? context.tokens() : null;
    this.current = record ? new double[context.support()] : null;
    this.familyColumns = null;
  }

  /** A recorder of a model family's run whose measurements are {@code metrics} (ModelFamily#metrics order). */
  TrajectoryRecorder(String cellId, String groupId, List<String> metrics, GenerationGrid grid, List<Row> out) {
    this.cellId = cellId;
    this.groupId = groupId;
    this.grid = grid;
    this.out = out;
    this.supportTokens = null;
    this.current = null;
    this.familyColumns = metrics.stream().mapToInt(FamilySpec.COLUMNS::indexOf).toArray();
  }

  @Override
  public boolean wantsModel() {
    return supportTokens != null;
  }

  @Override
  public void model(int m, int[] tokens, double[] probs, int size) {
    if (grid.indexOf(m) < 0) {
      return;
    }
    Arrays.fill(current, 0.0);
    for (int j = 0; j < size; j++) {
      int i = Arrays.binarySearch(supportTokens, tokens[j]);
      if (i >= 0) {
        current[i] = probs[j];
      }
    }
  }

  @Override
  public void generation(int m, double[] values, boolean collapsed) {
    if (grid.indexOf(m) >= 0) {
      out.add(row(m, values, collapsed));
    }
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    for (int i = grid.ceilingIndex(from), last = grid.floorIndex(to); i <= last; i++) {
      out.add(row(grid.generation(i), values, true));
    }
  }

  private Row row(int m, double[] values, boolean collapsed) {
    Object[] cols = new Object[5 + Metric.COUNT + FamilySpec.COLUMNS.size()];
    cols[0] = cellId;
    cols[1] = groupId;
    cols[2] = m;
    cols[3] = collapsed;
    if (familyColumns == null) {
      for (int i = 0; i < Metric.COUNT; i++) {
        cols[4 + i] = values[i];
      }
      cols[4 + Metric.COUNT] = current == null ? null : current.clone();
    } else {
      for (int k = 0; k < familyColumns.length; k++) {
        cols[5 + Metric.COUNT + familyColumns[k]] = values[k];
      }
    }
    return RowFactory.create(cols);
  }
}
