package org.collapsefarm.kernel;

/**
 * Partially synthetic ([S] §3.2), MATH.md §2: a real corpus {@code R ~ Mult(N, p^(0))} drawn once;
 * {@code p^(1) = R/N} and {@code c^(m) = R + Mult(n, q(p^(m-1)))} for m ≥ 2, with the same R every
 * generation. Every model lives on the support of R, so the tokens outside it die after generation 1
 * and the run can only be absorbed when R itself is a Dirac mass.
 */
final class PartiallySyntheticStep extends TrainingStep {
  private final int[] real;
  private int[] previous;
  private long previousTotal;

  PartiallySyntheticStep(RunState st) {
    super(st);
    real = new int[st.universe];
    previous = new int[st.universe];
  }

  @Override
  void train(int m) {
    int bigN = st.spec.realN();
    if (m == 1) {
      st.real(bigN, real);
      System.arraycopy(real, 0, st.counts, 0, st.live);
      st.total = bigN;
      return;
    }
    int n = st.spec.n();
    st.synthetic.draw(st.rng, n, previous, previousTotal, st.live, st.draw);
    int[] c = st.counts;
    int[] d = st.draw;
    for (int i = 0; i < st.live; i++) {
      c[i] = real[i] + d[i];
    }
    st.total = (long) bigN + n;
  }

  @Override
  void advance(int m) {
    int[] t = previous;
    previous = st.counts;
    st.counts = t;
    previousTotal = st.total;
    if (st.canCompact && m == 1) {
      for (int i = st.live - 1; i >= 0; i--) {
        if (real[i] == 0) {
          st.kill(i);
        }
      }
    }
  }

  @Override
  void swap(int i, int j) {
    RunState.swapInt(real, i, j);
    RunState.swapInt(previous, i, j);
  }
}
