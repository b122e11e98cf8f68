package org.collapsefarm.kernel;

import org.collapsefarm.context.Context;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * Runs the recursion of MATH.md §2 for one cell: generation by generation to collapse or to the cap,
 * measuring MATH.md §3 at every generation.
 *
 * <p>API fixed for the farm; the implementation belongs to the kernel (issue 2).
 */
public final class Recursion {
  private Recursion() {}

  /**
   * Runs one cell.
   *
   * @param context the true distribution p^(0)
   * @param spec the paradigm and its parameters
   * @param maxGenerations the cap M ≥ 1
   * @param seed the cell seed ({@link org.collapsefarm.random.CellSeeds#cellSeed})
   * @param sink receives every generation's measurements, m = 0..M
   * @return the run's outcome
   */
  public static RunResult run(Context context, ParadigmSpec spec, int maxGenerations, long seed, GenerationSink sink) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }
}
