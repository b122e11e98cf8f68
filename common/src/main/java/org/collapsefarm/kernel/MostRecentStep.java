package org.collapsefarm.kernel;

import org.collapsefarm.paradigm.Allocation;

/**
 * Most recent K ([S] §4.2), MATH.md §2: generation m draws from the models {@code p^(t)},
 * {@code max(0, m−K) ≤ t ≤ m−1} (p^(0) being the real data), w = min(m, K) sources.
 *
 * <ul>
 *   <li>{@code split}: n split as equally as possible, {@code ⌊n/w⌋} each and one more for each of
 *       the {@code n mod w} most recent sources;
 *   <li>{@code literal}: {@code ⌊n/K⌋} from each source, as [S] writes it.
 * </ul>
 *
 * Under split, a source older than the n most recent gets 0 samples, so only the {@code min(K, n)}
 * most recent models are ever drawn from; the ring keeps exactly the models that can still be drawn
 * from, and a token is live while any of them (or p^(0), while it is in the window) has it.
 */
final class MostRecentStep extends TrainingStep {
  private final int window;
  private final boolean literal;
  /** Models that can still be drawn from: K for literal, min(K, n) for split. */
  private final int capacity;
  /** ring[(t − 1) mod capacity] = counts of p^(t). */
  private final int[][] ring;
  private final long[] ringTotal;
  /** Number of drawable sources (p^(0) included) in which each position has positive mass. */
  private final int[] refs;

  MostRecentStep(RunState st) {
    super(st);
    window = st.spec.window();
    literal = st.spec.allocation() == Allocation.LITERAL;
    capacity = literal ? window : Math.min(window, st.spec.n());
    ring = new int[capacity][st.universe];
    ringTotal = new long[capacity];
    refs = new int[st.universe];
    for (int i = 0; i < st.universe; i++) {
      refs[i] = st.p0[i] > 0 ? 1 : 0;
    }
  }

  @Override
  void train(int m) {
    int n = st.spec.n();
    int w = Math.min(m, window);
    clearCounts();
    for (int j = 0; j < w; j++) {
      int t = m - w + j;
      int k = literal ? n / window : n / w + (j >= w - n % w ? 1 : 0);
      if (k == 0) {
        continue;
      }
      if (t == 0) {
        st.real(k, st.draw);
      } else {
        int slot = (t - 1) % capacity;
        st.synthetic.draw(st.rng, k, ring[slot], ringTotal[slot], st.live, st.draw);
      }
      addDraw(k);
    }
  }

  @Override
  void advance(int m) {
    int live = st.live;
    int slot = (m - 1) % capacity;
    // Generation m+1 draws from t ≥ m + 1 − capacity: p^(m − capacity) leaves (it sits in this slot).
    int leaving = m - capacity;
    if (leaving == 0) {
      for (int i = 0; i < live; i++) {
        if (st.p0[i] > 0) {
          refs[i]--;
        }
      }
    } else if (leaving > 0) {
      int[] old = ring[slot];
      for (int i = 0; i < live; i++) {
        if (old[i] > 0) {
          refs[i]--;
        }
      }
    }
    int[] stored = ring[slot];
    int[] c = st.counts;
    for (int i = 0; i < live; i++) {
      stored[i] = c[i];
      if (c[i] > 0) {
        refs[i]++;
      }
    }
    ringTotal[slot] = st.total;
    if (st.canCompact) {
      for (int i = live - 1; i >= 0; i--) {
        if (refs[i] == 0) {
          st.kill(i);
        }
      }
    }
  }

  @Override
  void swap(int i, int j) {
    RunState.swapInt(refs, i, j);
    for (int[] model : ring) {
      RunState.swapInt(model, i, j);
    }
  }
}
