package org.collapsefarm.jobs.simulate;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;

/**
 * A sink that turns one cell's generations into {@code trajectories} rows, at the generations of
 * the {@link GenerationGrid} (every generation for caps up to its dense limit). An absorbed tail
 * (fully synthetic after collapse) is written out point by point up to the cap.
 */
final class TrajectoryRecorder implements GenerationSink {
  private final String cellId;
  private final String groupId;
  private final GenerationGrid grid;
  private final List<Row> out;

  TrajectoryRecorder(String cellId, String groupId, GenerationGrid grid, List<Row> out) {
    this.cellId = cellId;
    this.groupId = groupId;
    this.grid = grid;
    this.out = out;
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
    Object[] cols = new Object[4 + Metric.COUNT];
    cols[0] = cellId;
    cols[1] = groupId;
    cols[2] = m;
    cols[3] = collapsed;
    for (int i = 0; i < Metric.COUNT; i++) {
      cols[4 + i] = values[i];
    }
    return RowFactory.create(cols);
  }
}
