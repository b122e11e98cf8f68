package org.collapsefarm.jobs.simulate;

import org.collapsefarm.measure.GenerationSink;

/**
 * Passes on only the generations of a {@link GenerationGrid}, renumbered to grid indices, so that a
 * {@link org.collapsefarm.measure.GenerationAccumulator} sized to the grid accumulates them.
 */
final class GridSink implements GenerationSink {
  private final GenerationGrid grid;
  private final GenerationSink target;

  GridSink(GenerationGrid grid, GenerationSink target) {
    this.grid = grid;
    this.target = target;
  }

  @Override
  public void generation(int m, double[] values, boolean collapsed) {
    int i = grid.indexOf(m);
    if (i >= 0) {
      target.generation(i, values, collapsed);
    }
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    int first = grid.ceilingIndex(from);
    int last = grid.floorIndex(to);
    if (first <= last) {
      target.absorbed(first, last, values);
    }
  }
}
