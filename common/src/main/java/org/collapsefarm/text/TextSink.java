package org.collapsefarm.text;

/**
 * Receives a text run's measurements (MATH.md §8), generation by generation, m = 0 (p^(0), the model
 * of the whole training part), 1, 2, …; when the run stops early because its future is known
 * ({@link TextRecursion}), {@link #absorbed} covers the remaining generations at once.
 */
public interface TextSink {
  /**
   * @param values the categorical {@link org.collapsefarm.measure.Metric}s of the training set's unigram distribution
   * @param text the {@link TextMetric}s
   * @param probes per probe, p^(m)(w | x) (NaN when x is gone)
   * @param probeCollapsed per probe, whether it is collapsed
   * @param collapsed whether the model is collapsed (every reachable history has one continuation)
   */
  void generation(int m, double[] values, double[] text, double[] probes, boolean[] probeCollapsed, boolean collapsed);

  /** Generations from..to (inclusive) repeat the last values exactly; the model is collapsed. */
  void absorbed(int from, int to);

  /** Whether the sink keeps sample documents (then {@link #sample} is called). */
  default boolean wantsSamples() {
    return false;
  }

  /** Document {@code index} of the text generated from p^(m), rendered. */
  default void sample(int m, int index, String document) {}
}
