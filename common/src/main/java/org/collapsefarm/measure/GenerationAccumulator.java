package org.collapsefarm.measure;

import java.io.Serializable;

/**
 * Mergeable per-generation sums over runs (issue 2, item 7): for generations 0..M, the number of
 * runs, Σ and Σ² of every {@link Metric}, and the number of collapsed runs. Executors feed thousands
 * of runs into one accumulator (it is a {@link GenerationSink}) and Spark merges accumulators; no
 * trajectory is kept.
 *
 * <p>API fixed for the farm; the implementation belongs to the kernel (issue 2).
 */
public final class GenerationAccumulator implements GenerationSink, Serializable {
  private static final long serialVersionUID = 1L;

  /** An empty accumulator for generations 0..maxGenerations. */
  public GenerationAccumulator(int maxGenerations) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  @Override
  public void generation(int m, double[] values, boolean collapsed) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Adds other's sums to this one's (same cap); returns this. */
  public GenerationAccumulator merge(GenerationAccumulator other) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** The cap M: generations are 0..M. */
  public int maxGenerations() {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Number of runs counted at generation m. */
  public long runs(int m) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Number of runs collapsed at generation m (ρ_m = collapsed(m) / runs(m)). */
  public long collapsed(int m) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Σ over runs of metric at generation m. */
  public double sum(Metric metric, int m) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Σ over runs of metric² at generation m. */
  public double sumOfSquares(Metric metric, int m) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }
}
