package org.collapsefarm.kernel;

import org.collapsefarm.ParameterException;
import org.collapsefarm.context.Context;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Measurements;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * Runs the recursion of MATH.md §2 for one cell: generation by generation to the cap M, measuring
 * MATH.md §3 at every generation.
 *
 * <p>Each generation m ≥ 1: the paradigm's {@link TrainingStep} draws the training counts, the real
 * anchor (if any) adds Mult(anchor, p^(0)), the model is measured and handed to the sink, and the
 * step records the sources of later generations and drops the tokens none of them can produce.
 *
 * <p>Collapse ([S] Definition 1, with the configured ε): the model of generation m is collapsed when
 * {@code ‖p^(m)‖_∞ ≥ 1 − ε}; T is the first such m ≥ 1 and the absorbing token the most likely token
 * at T. A run is never stopped because it collapsed; it stops early only when its future is known
 * exactly: when the live support is a single token, i.e. every source it can ever draw from again
 * (the current model, kept corpora and models, and p^(0) whenever real data can come back) is the same
 * Dirac mass. Then every later model is that Dirac mass, and the sink gets the remaining generations
 * in one {@link GenerationSink#absorbed} call with the values of the last simulated generation.
 */
public final class Recursion {
  private Recursion() {}

  /** Observes each simulated generation's model (tests only): counts[0..live) at vocabulary ids tokenAt[0..live). */
  interface ModelTrace {
    void model(int m, int[] tokenAt, int[] counts, int live, long total);
  }

  /**
   * Runs one cell.
   *
   * @param context the true distribution p^(0)
   * @param spec the paradigm and its parameters
   * @param maxGenerations the cap M ≥ 1
   * @param seed the cell seed ({@link CellSeeds#cellSeed}); the run draws from {@code CellSeeds.stream(seed)}
   * @param sink receives every generation's measurements, m = 0..M
   * @return the run's outcome
   */
  public static RunResult run(Context context, ParadigmSpec spec, int maxGenerations, long seed, GenerationSink sink) {
    return run(context, spec, maxGenerations, seed, sink, null);
  }

  static RunResult run(
      Context context, ParadigmSpec spec, int maxGenerations, long seed, GenerationSink sink, ModelTrace trace) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    checkTrainingSetFits(spec, maxGenerations);
    RunState st = new RunState(context, spec, CellSeeds.stream(seed));
    TrainingStep step = TrainingStep.of(st, maxGenerations);
    st.step = step;
    double threshold = 1.0 - spec.collapseEpsilon();
    double[] values = new double[Metric.COUNT];

    Measurements.initial(context, st.smoothed, values);
    // p^(m) itself only for sinks that record it (trajectories of small contexts).
    double[] model = sink.wantsModel() ? new double[st.universe] : null;
    if (model != null) {
      sink.model(0, st.tokenAt, st.p0, st.universe);
    }
    sink.generation(0, values, false);
    int collapseTime = -1;
    int absorbingToken = -1;
    double lambda1 = Double.NaN;
    long tokenGenerations = 0;
    int m = 0;
    if (st.live == 1) {
      // p^(0) is a Dirac mass: every model is that Dirac mass, T = 1.
      collapseTime = 1;
      absorbingToken = st.tokenAt[0];
    }
    // One live token left: every source any later generation can draw from is the same Dirac mass.
    while (m < maxGenerations && st.live > 1) {
      m++;
      tokenGenerations += st.live;
      step.train(m);
      st.addAnchor();
      if (m == 1) {
        st.recordFirstModel();
        if (spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC && !st.smoothed) {
          lambda1 = SubsetSum.lambda1(st.counts, st.live, st.total);
        }
      }
      st.measure(m, values);
      boolean collapsed = values[Metric.MAX_PROB.ordinal()] >= threshold;
      if (model != null) {
        sink.model(m, st.tokenAt, model, st.model(model));
      }
      sink.generation(m, values, collapsed);
      if (trace != null) {
        trace.model(m, st.tokenAt, st.counts, st.live, st.total);
      }
      if (collapsed && collapseTime < 0) {
        collapseTime = m;
        absorbingToken = st.argmaxToken();
      }
      step.advance(m);
    }
    if (m < maxGenerations) {
      sink.absorbed(m + 1, maxGenerations, values);
    }
    boolean censored = collapseTime < 0;
    return new RunResult(collapseTime, censored, absorbingToken, m, values.clone(), lambda1, tokenGenerations);
  }

  /** Training counts are ints: the largest training set (a growing pool) must stay below 2^31. */
  private static void checkTrainingSetFits(ParadigmSpec spec, int maxGenerations) {
    long n = spec.n();
    long largest =
        switch (spec.paradigm()) {
          case PARTIALLY_SYNTHETIC -> spec.realN() + n;
          case ACCUMULATE -> n + (maxGenerations - 1L) * Math.round(spec.rate() * n);
          case ACCUMULATE_SUBSAMPLE -> n + (maxGenerations - 1L) * Math.round(spec.rate() * n);
          default -> n;
        }
            + spec.realAnchor();
    if (largest > Integer.MAX_VALUE) {
      throw new ParameterException(
          "max-generations",
          "the training set or pool would reach " + largest + " tokens, more than 2^31 - 1; lower max-generations, n or rate");
    }
  }
}
