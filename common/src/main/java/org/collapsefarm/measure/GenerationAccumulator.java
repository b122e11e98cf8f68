package org.collapsefarm.measure;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Mergeable per-generation sums over runs (issue 2, item 7): for generations 0..M, the number of
 * runs, Σ and Σ² of every {@link Metric}, the number of runs collapsed at m and the number of runs
 * whose collapse time T is ≤ m. Executors feed thousands of runs into one accumulator (it is a
 * {@link GenerationSink}) and Spark merges accumulators; no trajectory is kept.
 *
 * <p>Cost: {@link #generation} is O(1); {@link #absorbed} is O(1) too — a run absorbed at generation
 * {@code from} adds its constant values to every generation {@code from..to} through difference
 * arrays, resolved by one prefix sum the next time a value is read, the accumulator is merged or
 * serialised.
 *
 * <p>Metrics that are NaN for a run (the cross-entropy of unsmoothed runs, see {@link Measurements})
 * make Σ and Σ² NaN at the generations that run covers: a group's runs share one spec, so the
 * measurement is simply not applicable to the group.
 *
 * <p>{@link #collapsedBy} relies on the sink protocol: a run's calls are {@code generation(0, …)},
 * {@code generation(1, …)}, … in order, optionally ending with one {@code absorbed} call; a call with
 * m = 0 starts a new run. One accumulator therefore takes one run at a time (not thread safe).
 */
public final class GenerationAccumulator implements GenerationSink, Serializable {
  private static final long serialVersionUID = 2L;
  /** Entries of {@link #moments} per generation: Σ of every metric, then Σ of every metric². */
  private static final int STRIDE = 2 * Metric.COUNT;

  private final int maxGenerations;
  private final long[] runs;
  private final long[] collapsed;
  /** Runs whose first collapse is at m (prefix-summed by {@link #collapsedBy}). */
  private final long[] firstCollapse;
  /**
   * Generation-major moments: {@code moments[m·STRIDE + k]} = Σ of metric k at generation m and
   * {@code moments[m·STRIDE + COUNT + k]} = Σ of its square. A run's generation adds to one
   * contiguous block of 16 doubles (two cache lines), not to 16 arrays; at n = 400 this cut the
   * accumulator's cost per generation by about half (BENCHMARKS.md, "Kernel").
   */
  private final double[] moments;

  /** Difference arrays of absorbed runs (length M + 2), allocated on first use. */
  private transient Pending pending;

  /** Whether the run being fed has already collapsed (so its first collapse is counted once). */
  private transient boolean runCollapsed;

  /** Prefix sums of {@link #firstCollapse}, rebuilt after any change. */
  private transient long[] collapsedByCache;

  /** An empty accumulator for generations 0..maxGenerations. */
  public GenerationAccumulator(int maxGenerations) {
    if (maxGenerations < 0) {
      throw new IllegalArgumentException("maxGenerations must be >= 0, got " + maxGenerations);
    }
    this.maxGenerations = maxGenerations;
    int len = maxGenerations + 1;
    runs = new long[len];
    collapsed = new long[len];
    firstCollapse = new long[len];
    moments = new double[len * STRIDE];
  }

  /**
   * The heap an accumulator for generations 0..maxGenerations can hold: its arrays (3 longs and
   * {@code 2·Metric.COUNT} doubles per generation) plus the difference arrays of absorbed runs
   * (1 + 3·{@code Metric.COUNT} entries per generation) until they are resolved. Sizes a sweep's heap.
   */
  public static long bytesAtMost(int maxGenerations) {
    long len = maxGenerations + 1L;
    return len * (3 + STRIDE) * Long.BYTES + (len + 1) * (1 + 3L * Metric.COUNT) * Long.BYTES;
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
    double[] mo = moments;
    int base = m * STRIDE;
    for (int k = 0; k < Metric.COUNT; k++) {
      double v = values[k];
      mo[base + k] += v;
      mo[base + Metric.COUNT + k] += v * v;
    }
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    if (from > to) {
      return;
    }
    if (pending == null) {
      pending = new Pending(maxGenerations + 2);
    }
    Pending p = pending;
    p.runs[from]++;
    p.runs[to + 1]--;
    if (!runCollapsed) {
      firstCollapse[from]++;
      runCollapsed = true;
      collapsedByCache = null;
    }
    for (int k = 0; k < Metric.COUNT; k++) {
      double v = values[k];
      if (Double.isNaN(v)) {
        p.nan[k][from]++;
        p.nan[k][to + 1]--;
      } else {
        p.sum[k][from] += v;
        p.sum[k][to + 1] -= v;
        p.sumSq[k][from] += v * v;
        p.sumSq[k][to + 1] -= v * v;
      }
    }
  }

  /** Adds other's sums to this one's (same cap); returns this. */
  public GenerationAccumulator merge(GenerationAccumulator other) {
    if (other.maxGenerations != maxGenerations) {
      throw new IllegalArgumentException(
          "cannot merge accumulators with caps " + maxGenerations + " and " + other.maxGenerations);
    }
    resolve();
    other.resolve();
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

  /** The cap M: generations are 0..M. */
  public int maxGenerations() {
    return maxGenerations;
  }

  /** Number of runs counted at generation m. */
  public long runs(int m) {
    resolve();
    return runs[m];
  }

  /**
   * Number of runs whose model at generation m is collapsed ({@code ‖p^(m)‖_∞ ≥ 1 − ε}). Under fully
   * synthetic (absorbing) this equals {@link #collapsedBy}; under most-recent K > 1 or randomly
   * sampled a collapsed model can regain diversity, so the two differ.
   */
  public long collapsed(int m) {
    resolve();
    return collapsed[m];
  }

  /** Number of runs with collapse time T ≤ m: ρ_m = collapsedBy(m) / runs(m) (MATH.md §4). */
  public long collapsedBy(int m) {
    if (collapsedByCache == null) {
      collapsedByCache = prefixSums(firstCollapse);
    }
    return collapsedByCache[m];
  }

  /** Σ over runs of metric at generation m. */
  public double sum(Metric metric, int m) {
    resolve();
    return moments[m * STRIDE + metric.ordinal()];
  }

  /** Σ over runs of metric² at generation m. */
  public double sumOfSquares(Metric metric, int m) {
    resolve();
    return moments[m * STRIDE + Metric.COUNT + metric.ordinal()];
  }

  /** The running totals of {@code counts}: entry m is Σ_{g ≤ m} counts[g] (collapsed by m from first collapses). */
  static long[] prefixSums(long[] counts) {
    long[] out = new long[counts.length];
    long c = 0;
    for (int g = 0; g < counts.length; g++) {
      c += counts[g];
      out[g] = c;
    }
    return out;
  }

  /** Folds the pending difference arrays of absorbed runs into the per-generation sums. */
  private void resolve() {
    Pending p = pending;
    if (p == null) {
      return;
    }
    long r = 0;
    for (int m = 0; m <= maxGenerations; m++) {
      r += p.runs[m];
      runs[m] += r;
      collapsed[m] += r;
    }
    for (int k = 0; k < Metric.COUNT; k++) {
      double s = 0;
      double s2 = 0;
      long nan = 0;
      double[] ds = p.sum[k];
      double[] ds2 = p.sumSq[k];
      long[] dn = p.nan[k];
      for (int m = 0; m <= maxGenerations; m++) {
        s += ds[m];
        s2 += ds2[m];
        nan += dn[m];
        int at = m * STRIDE + k;
        if (nan > 0) {
          moments[at] = Double.NaN;
          moments[at + Metric.COUNT] = Double.NaN;
        } else {
          moments[at] += s;
          moments[at + Metric.COUNT] += s2;
        }
      }
    }
    // Freed rather than cleared: a resolved accumulator (merged, read, shipped) usually takes no more
    // absorbed runs, and the difference arrays are as large as the sums.
    pending = null;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    resolve();
    out.defaultWriteObject();
  }

  /** Difference arrays: entry m holds what changes at generation m. */
  private static final class Pending {
    final long[] runs;
    final double[][] sum;
    final double[][] sumSq;
    final long[][] nan;

    Pending(int len) {
      runs = new long[len];
      sum = new double[Metric.COUNT][len];
      sumSq = new double[Metric.COUNT][len];
      nan = new long[Metric.COUNT][len];
    }
  }
}
