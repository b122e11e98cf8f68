package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import org.collapsefarm.jobs.config.Group;

/**
 * Replicates {@code from} (inclusive) to {@code to} (exclusive) of one group: the unit the driver
 * plans, balances and ships — a few hundred bytes whatever the number of cells — and from which the
 * executors generate the cells themselves ({@link CellFactory}).
 *
 * @param group the group (its context, paradigm spec and id)
 * @param cellCost the balancing weight of one of its cells ({@link CellPlan#estimatedCost})
 */
public record CellRange(Group group, double cellCost, int from, int to) implements Serializable {
  public CellRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad replicate range [" + from + ", " + to + ")");
    }
  }

  /** Replicates in the range. */
  public int size() {
    return to - from;
  }

  /** The estimated cost of all its cells. */
  public double cost() {
    return cellCost * size();
  }

  /** Replicates {@code from} to {@code to} of the same group. */
  public CellRange slice(int from, int to) {
    return new CellRange(group, cellCost, from, to);
  }
}
