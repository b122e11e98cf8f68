package org.collapsefarm.kernel;

import org.collapsefarm.sampling.MultivariateHypergeometricSampler;

/**
 * The pool paradigms of MATH.md §2 ([W]; Kazdan et al.; Gerstgrasser et al.): a real corpus {@code
 * D_0 ~ Mult(n, p^(0))}, {@code p^(1) = D_0/n}; after generation t a fixed corpus {@code S_t} of
 * {@code round(k·n)} samples from p^(t) joins the pool (drawn at the start of generation t+1, which
 * is the same in distribution). Only the pooled counts matter, so one count vector is kept.
 *
 * <ul>
 *   <li>accumulate-subsample, {@code pool = corpora}: generation m trains on n tokens drawn from the
 *       pool without replacement (multivariate hypergeometric);
 *   <li>accumulate: generation m trains on the whole pool.
 * </ul>
 *
 * The pool only grows and every model lives on it, so the tokens outside D_0 die after generation 1
 * and nothing dies later.
 */
final class PoolStep extends TrainingStep {
  private final boolean subsample;
  private final int added;
  private final int[] pool;
  private long poolTotal;
  private int[] previous;
  private long previousTotal;

  PoolStep(RunState st, boolean subsample) {
    super(st);
    this.subsample = subsample;
    this.added = (int) Math.round(st.spec.rate() * st.spec.n());
    pool = new int[st.universe];
    previous = new int[st.universe];
  }

  @Override
  void train(int m) {
    int n = st.spec.n();
    int live = st.live;
    if (m == 1) {
      st.real(n, pool);
      poolTotal = n;
    } else {
      st.synthetic.draw(st.rng, added, previous, previousTotal, live, st.draw);
      int[] d = st.draw;
      for (int i = 0; i < live; i++) {
        pool[i] += d[i];
      }
      poolTotal += added;
    }
    if (subsample && m > 1) {
      MultivariateHypergeometricSampler.sample(st.rng, n, pool, poolTotal, live, st.counts);
      st.total = n;
    } else {
      System.arraycopy(pool, 0, st.counts, 0, live);
      st.total = poolTotal;
    }
  }

  @Override
  void advance(int m) {
    int[] t = previous;
    previous = st.counts;
    st.counts = t;
    previousTotal = st.total;
    if (st.canCompact && m == 1) {
      for (int i = st.live - 1; i >= 0; i--) {
        if (pool[i] == 0) {
          st.kill(i);
        }
      }
    }
  }

  /** The pooled counts by position (tests). */
  int[] pool() {
    return pool;
  }

  /** The pool size (tests). */
  long poolTotal() {
    return poolTotal;
  }

  @Override
  void swap(int i, int j) {
    RunState.swapInt(pool, i, j);
    RunState.swapInt(previous, i, j);
  }
}
