package org.collapsefarm.jobs.simulate;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;

/**
 * A sink that turns one cell's generations into {@code trajectories} rows. An absorbed tail
 * (fully synthetic after collapse) is written out generation by generation: the table promises one
 * row per (cell, generation) up to the cap.
 */
final class TrajectoryRecorder implements GenerationSink {
  private final String cellId;
  private final String groupId;
  private final List<Row> out;

  TrajectoryRecorder(String cellId, String groupId, List<Row> out) {
    this.cellId = cellId;
    this.groupId = groupId;
    this.out = out;
  }

  @Override
  public void generation(int m, double[] values, boolean collapsed) {
    out.add(row(m, values, collapsed));
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    for (int m = from; m <= to; m++) {
      out.add(row(m, values, true));
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
