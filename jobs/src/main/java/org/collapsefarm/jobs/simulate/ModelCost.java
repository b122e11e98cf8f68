package org.collapsefarm.jobs.simulate;

import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * CPU nanoseconds per run-generation of a model family's cell (issue 12), for the plan's time
 * estimate and the balancer. A generation draws sufficient statistics, so it costs the same whatever
 * n, but its matrix work grows with the dimension d (a Wishart draw by the Bartlett decomposition, a
 * Cholesky factor, the W2 distance's eigenvalues: MATH.md §7), and under accumulate-subsample the n
 * points drawn from the pool cost n·d. Fitted to {@link FamilyCost} on conf/exponential-families.conf
 * at 20 replicates (2026-12-06, BENCHMARKS.md "Plan's time estimate"): about 1 µs at d = 1 and for
 * the Poisson, 2.7–7.4 µs at d = 3, 7.7–18 µs at d = 10; accumulate-subsample at n = 1000 23 µs (d = 1),
 * 115 µs (d = 3), 322 µs (d = 10), 52 µs (Poisson). Within a factor of 3.2 of every group there
 * (the farthest: d = 3, n = 10, replace, 7.4 µs against 2.35). Only the order of magnitude matters:
 * it balances partitions and sizes chunks, never changes a result.
 */
final class ModelCost {
  /** A generation's fixed work: the draw, the fit, the measurements and the per-generation sums. */
  static final double BASE_NANOS = 1_000;
  /** The d × d matrix work of a generation, per d². */
  static final double NANOS_PER_DIMENSION_SQUARED = 150;
  /** Accumulate-subsample: per coordinate of the n points drawn without replacement from the pool. */
  static final double NANOS_PER_POOLED_COORDINATE = 30;

  private ModelCost() {}

  /** The CPU nanoseconds of one generation of {@code model} under {@code spec}. */
  static double nanosPerGeneration(FamilySpec model, ParadigmSpec spec) {
    int d = Math.max(1, model.dimension()); // the Poisson's dimension is 0: one count
    double nanos = BASE_NANOS + NANOS_PER_DIMENSION_SQUARED * d * d;
    if (spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE) {
      nanos += NANOS_PER_POOLED_COORDINATE * spec.n() * d;
    }
    return nanos;
  }
}
