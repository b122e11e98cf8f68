package org.collapsefarm.kernel;

/**
 * What one paradigm of MATH.md §2 trains each generation on, with the memory of earlier generations
 * that it needs (the previous model, a fixed corpus, a window of models, a pool, a mixture).
 *
 * <p>Per generation m the kernel calls {@link #train}, adds the real anchor, measures the model, then
 * calls {@link #advance}, which records what later generations can draw from and declares dead (via
 * {@link RunState#kill}) every live token that none of those sources can produce any more.
 */
abstract class TrainingStep {
  final RunState st;

  TrainingStep(RunState st) {
    this.st = st;
  }

  /**
   * Writes generation m's training counts, without the real anchor, to {@code st.counts[0..live)}
   * and their sum to {@code st.total}.
   */
  abstract void train(int m);

  /** After generation m is measured: remember it as a source, then kill the tokens no future source has. */
  abstract void advance(int m);

  /** Swaps positions i and j in the step's own position-indexed arrays. */
  abstract void swap(int i, int j);

  /** The step of st's paradigm. */
  static TrainingStep of(RunState st, int maxGenerations) {
    return switch (st.spec.paradigm()) {
      case FULLY_SYNTHETIC -> new FullySyntheticStep(st);
      case PARTIALLY_SYNTHETIC -> new PartiallySyntheticStep(st);
      case MOST_RECENT -> new MostRecentStep(st);
      case RANDOMLY_SAMPLED -> switch (st.spec.source()) {
        case PER_SAMPLE -> new MixtureStep(st, 1.0);
        case PER_GENERATION -> new RandomGenerationStep(st, maxGenerations);
      };
      case ACCUMULATE_SUBSAMPLE -> switch (st.spec.pool()) {
        case CORPORA -> new PoolStep(st, true);
        case FRESH -> new MixtureStep(st, st.spec.rate());
      };
      case ACCUMULATE -> new PoolStep(st, false);
    };
  }

  /** Sets st.counts[0..live) to zero and st.total to 0. */
  final void clearCounts() {
    java.util.Arrays.fill(st.counts, 0, st.live, 0);
    st.total = 0;
  }

  /** Adds st.draw[0..live) to st.counts and k to st.total. */
  final void addDraw(int k) {
    int[] c = st.counts;
    int[] d = st.draw;
    for (int i = 0; i < st.live; i++) {
      c[i] += d[i];
    }
    st.total += k;
  }
}
