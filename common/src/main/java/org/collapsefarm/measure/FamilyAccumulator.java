package org.collapsefarm.measure;

import java.io.Serializable;
import java.util.List;

/**
 * Mergeable per-generation sums over the runs of a model family ({@link
 * org.collapsefarm.family.ModelFamily}): like {@link GenerationAccumulator} — runs, runs collapsed
 * at m, runs with T ≤ m, Σ and Σ² of each measurement — for the family's own measurements, however
 * many, and Σ³ too: the comparison corrects its z for the skewness of the runs' values (squared errors
 * and variance ratios are far from symmetric; {@link org.collapsefarm.stats.ExactFormulaCheck}). Kept apart from the categorical accumulator, whose fixed layout the kernel's benchmarks tuned.
 * An absorbed tail (a Poisson rate of 0) is added generation by generation: it happens once per run.
 * One accumulator takes one run at a time (calls with m = 0 start a run); not thread safe.
 */
public final class FamilyAccumulator implements GenerationSink, Serializable {
  private static final long serialVersionUID = 2L;
  /** Sums kept per measurement: Σx, Σx², Σx³. */
  private static final int POWERS = 3;

  private final int maxGenerations;
  private final List<String> names;
  private final int metrics;
  private final long[] runs;
  private final long[] collapsed;
  private final long[] firstCollapse;
  /** {@code moments[m·3k + p·k + j]} = Σ of metric j to the power p + 1 at m (p = 0, 1, 2). */
  private final double[] moments;
  private transient boolean runCollapsed;
  /** Prefix sums of {@link #firstCollapse}, rebuilt after any change. */
  private transient long[] collapsedByCache;

  /** An empty accumulator for generations 0..maxGenerations of the named measurements (in sink order). */
  public FamilyAccumulator(int maxGenerations, List<String> names) {
    if (maxGenerations < 0) {
      throw new IllegalArgumentException("maxGenerations must be >= 0, got " + maxGenerations);
    }
    this.maxGenerations = maxGenerations;
    this.names = List.copyOf(names);
    this.metrics = names.size();
    runs = new long[maxGenerations + 1];
    collapsed = new long[maxGenerations + 1];
    firstCollapse = new long[maxGenerations + 1];
    moments = new double[(maxGenerations + 1) * POWERS * metrics];
  }

  /** The heap of an accumulator for generations 0..maxGenerations of {@code metrics} measurements. */
  public static long bytes(int maxGenerations, int metrics) {
    return (maxGenerations + 1L) * (3 + (long) POWERS * metrics) * Long.BYTES;
  }

  @Override
  public void generation(int m, double[] values, boolean isCollapsed) {
    if (m == 0) {
      runCollapsed = false;
    }
    runs[m]++;
    if (isCollapsed) {
      collapsed[m]++;
      if (!runCollapsed) {
        firstCollapse[m]++;
        runCollapsed = true;
        collapsedByCache = null;
      }
    }
    int base = m * POWERS * metrics;
    for (int j = 0; j < metrics; j++) {
      double v = values[j];
      double v2 = v * v;
      moments[base + j] += v;
      moments[base + metrics + j] += v2;
      moments[base + 2 * metrics + j] += v2 * v;
    }
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    for (int m = from; m <= to; m++) {
      generation(m, values, true);
    }
  }

  /** Adds other's sums to this one's (same cap and measurements); returns this. */
  public FamilyAccumulator merge(FamilyAccumulator other) {
    if (other.maxGenerations != maxGenerations || !other.names.equals(names)) {
      throw new IllegalArgumentException("cannot merge accumulators of different shapes");
    }
    collapsedByCache = null;
    for (int m = 0; m <= maxGenerations; m++) {
      runs[m] += other.runs[m];
      collapsed[m] += other.collapsed[m];
      firstCollapse[m] += other.firstCollapse[m];
    }
    for (int i = 0; i < moments.length; i++) {
      moments[i] += other.moments[i];
    }
    return this;
  }

  public int maxGenerations() {
    return maxGenerations;
  }

  /** The measurements' names, in sink order. */
  public List<String> names() {
    return names;
  }

  public long runs(int m) {
    return runs[m];
  }

  /** Runs whose model is collapsed at m. */
  public long collapsed(int m) {
    return collapsed[m];
  }

  /** Runs with collapse time T ≤ m. */
  public long collapsedBy(int m) {
    if (collapsedByCache == null) {
      collapsedByCache = GenerationAccumulator.prefixSums(firstCollapse);
    }
    return collapsedByCache[m];
  }

  /** Σ over runs of measurement j at generation m. */
  public double sum(int j, int m) {
    return moments[m * POWERS * metrics + j];
  }

  /** Σ over runs of measurement j² at generation m. */
  public double sumOfSquares(int j, int m) {
    return moments[m * POWERS * metrics + metrics + j];
  }

  /** Σ over runs of measurement j³ at generation m. */
  public double sumOfCubes(int j, int m) {
    return moments[m * POWERS * metrics + 2 * metrics + j];
  }
}
