package org.collapsefarm.kernel;

import java.util.Arrays;

/**
 * Randomly sampled ([S] §4.2), {@code source = per-generation} (MATH.md §2): generation m ≥ 2 picks
 * one g uniformly on {0..m−1} and draws all n samples from p^(g). Every earlier model must be kept;
 * they are stored sparsely (nonzero positions and counts), which is at most min(training-set size,
 * support) entries per generation. p^(0) is a source forever, so no token dies and positions are
 * stable.
 */
final class RandomGenerationStep extends TrainingStep {
  /** Initial capacity of the sparse history, in entries; it doubles when full. */
  private static final int INITIAL_ENTRIES = 1 << 12;

  /** Model t occupies entries start[t]..start[t+1]−1 (t ≥ 1). */
  private final int[] start;
  private final long[] modelTotal;
  private int[] position;
  private int[] count;
  private final int[] dense;

  RandomGenerationStep(RunState st, int maxGenerations) {
    super(st);
    start = new int[maxGenerations + 2];
    modelTotal = new long[maxGenerations + 1];
    int perModel = (int) Math.min(st.universe, (long) st.spec.n() + st.spec.realAnchor());
    int entries = (int) Math.min((long) perModel * maxGenerations, INITIAL_ENTRIES);
    position = new int[entries];
    count = new int[entries];
    dense = new int[st.universe];
  }

  @Override
  void train(int m) {
    int n = st.spec.n();
    int g = m == 1 ? 0 : st.rng.nextInt(m);
    if (g == 0) {
      st.real(n, st.counts);
    } else {
      Arrays.fill(dense, 0);
      for (int e = start[g]; e < start[g + 1]; e++) {
        dense[position[e]] = count[e];
      }
      st.synthetic.draw(st.rng, n, dense, modelTotal[g], st.live, st.counts);
    }
    st.total = n;
  }

  @Override
  void advance(int m) {
    int e = start[m];
    int[] c = st.counts;
    for (int i = 0; i < st.live; i++) {
      if (c[i] > 0) {
        if (e == position.length) {
          position = Arrays.copyOf(position, 2 * e);
          count = Arrays.copyOf(count, 2 * e);
        }
        position[e] = i;
        count[e++] = c[i];
      }
    }
    start[m + 1] = e;
    modelTotal[m] = st.total;
  }

  @Override
  void swap(int i, int j) {
    throw new IllegalStateException("p^(0) is always a source: no token dies");
  }
}
