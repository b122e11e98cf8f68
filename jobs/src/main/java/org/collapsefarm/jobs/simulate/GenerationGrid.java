package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The generations that {@code generation_stats} keeps: every m up to {@link #DENSE_GENERATIONS},
 * then {@code round(200·10^(j/20))} for j = 1, 2, … (the log-spaced points of the theory stage,
 * {@code theory.TheoryRows.generations}), then M. With the default caps every generation is kept;
 * a cap like the Collapse-or-Thrive grid's M = 2·10^6 would otherwise cost O(groups × M) memory on
 * every executor and rows in the table, while the curves change slowly at large m.
 */
public final class GenerationGrid implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Every generation up to this one is kept. */
  public static final int DENSE_GENERATIONS = 10_000;
  /** The log-spaced points beyond: {@code round(BASE·10^(j/POINTS_PER_DECADE))}, as in the theory stage. */
  private static final int BASE = 200;
  private static final int POINTS_PER_DECADE = 20;

  private final int[] points;

  private GenerationGrid(int[] points) {
    this.points = points;
  }

  /** The grid for generations 0..maxGenerations. */
  public static GenerationGrid of(int maxGenerations) {
    TreeSet<Integer> set = new TreeSet<>();
    for (int m = 0; m <= Math.min(maxGenerations, DENSE_GENERATIONS); m++) {
      set.add(m);
    }
    for (int j = 1; ; j++) {
      long m = Math.round(BASE * Math.pow(10.0, j / (double) POINTS_PER_DECADE));
      if (m >= maxGenerations) {
        break;
      }
      if (m > DENSE_GENERATIONS) {
        set.add((int) m);
      }
    }
    set.add(maxGenerations);
    return new GenerationGrid(set.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Number of kept generations. */
  public int size() {
    return points.length;
  }

  /** The generation at grid index i. */
  public int generation(int i) {
    return points[i];
  }

  /** The grid index of generation m, or -1 when m is not kept. */
  public int indexOf(int m) {
    if (m <= DENSE_GENERATIONS) {
      return m < points.length ? m : -1;
    }
    int i = Arrays.binarySearch(points, m);
    return i >= 0 ? i : -1;
  }

  /** The first grid index whose generation is ≥ m (size() when none). */
  public int ceilingIndex(int m) {
    int i = Arrays.binarySearch(points, m);
    return i >= 0 ? i : -i - 1;
  }

  /** The last grid index whose generation is ≤ m (-1 when none). */
  public int floorIndex(int m) {
    int i = Arrays.binarySearch(points, m);
    return i >= 0 ? i : -i - 2;
  }
}
