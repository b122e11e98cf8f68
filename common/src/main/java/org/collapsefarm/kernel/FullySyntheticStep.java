package org.collapsefarm.kernel;

/**
 * Fully synthetic ([S]) = replace ([W]), MATH.md §2: {@code c^(1) ~ Mult(n, p^(0))}, {@code c^(m) ~
 * Mult(n, q(p^(m-1)))}. The only future source is the current model, so a token dies as soon as its
 * count is 0 — and a Dirac model is absorbing.
 */
final class FullySyntheticStep extends TrainingStep {
  private int[] previous;
  private long previousTotal;

  FullySyntheticStep(RunState st) {
    super(st);
    previous = new int[st.universe];
  }

  @Override
  void train(int m) {
    int n = st.spec.n();
    if (m == 1) {
      st.real(n, st.counts);
    } else {
      st.synthetic.draw(st.rng, n, previous, previousTotal, st.live, st.counts);
    }
    st.total = n;
  }

  @Override
  void advance(int m) {
    // The model just measured becomes the source; its array is reused for the next draw.
    int[] t = previous;
    previous = st.counts;
    st.counts = t;
    previousTotal = st.total;
    if (st.canCompact) {
      int[] c = previous;
      for (int i = st.live - 1; i >= 0; i--) {
        if (c[i] == 0) {
          st.kill(i);
        }
      }
    }
  }

  @Override
  void swap(int i, int j) {
    RunState.swapInt(previous, i, j);
  }
}
