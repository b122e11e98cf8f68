package org.collapsefarm.measure;

/**
 * Receives a run's measurements generation by generation. The kernel calls {@link #generation} for
 * every simulated generation m = 0 (the context itself), 1, 2, … and, when it stops early because the
 * future is known exactly (MATH.md §3: an absorbed fully synthetic run), calls {@link #absorbed} once
 * for all of the remaining generations up to the cap.
 */
public interface GenerationSink {
  /**
   * Generation m's measurements.
   *
   * @param m the generation, from 0
   * @param values metric values indexed by {@link Metric#ordinal()} (by the family's
   *     {@link org.collapsefarm.family.ModelFamily#metrics()} order for a model family); only valid
   *     during the call
   * @param collapsed whether the run is collapsed at m (‖p^(m)‖_∞ ≥ 1 − ε)
   */
  void generation(int m, double[] values, boolean collapsed);

  /**
   * Generations {@code from..to} (inclusive) all have exactly these measurements and are collapsed.
   * Called at most once per run, as its last call.
   */
  void absorbed(int from, int to, double[] values);

  /**
   * Whether this sink wants the model p^(m) itself through {@link #model}; the kernel builds the
   * vector only then (the {@code trajectories} table's {@code probs} column, [S] Fig. 1's simplex).
   */
  default boolean wantsModel() {
    return false;
  }

  /**
   * Generation m's model p^(m), called just <em>before</em> {@link #generation} with the same m when
   * {@link #wantsModel}: {@code probs[j]} is the probability of vocabulary token {@code tokens[j]}
   * for j &lt; {@code size}; every other token has probability 0. The arrays are only valid during
   * the call. An absorbed tail ({@link #absorbed}) keeps the last model.
   */
  default void model(int m, int[] tokens, double[] probs, int size) {}

  /** A sink that ignores everything. */
  GenerationSink NONE =
      new GenerationSink() {
        @Override
        public void generation(int m, double[] values, boolean collapsed) {}

        @Override
        public void absorbed(int from, int to, double[] values) {}
      };
}
