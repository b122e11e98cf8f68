package org.collapsefarm.kernel;

import org.collapsefarm.sampling.MultinomialSampler;

/**
 * Paradigms whose generation m ≥ 2 draws its n samples fresh from a mixture of p^(0) and every
 * earlier model, {@code q ∝ p^(0) + w Σ_{1 ≤ j < m} q(p^(j))} (MATH.md §2):
 *
 * <ul>
 *   <li>randomly sampled, {@code per-sample} (w = 1): each sample picks its source g uniformly on
 *       {0..m−1}, i.e. Mult(n, (1/m) Σ_{g<m} p^(g));
 *   <li>accumulate-subsample, {@code pool = fresh} (w = k): Mult(n, (p^(0) + k Σ_{j<m} p^(j)) / (1 +
 *       (m−1)k)).
 * </ul>
 *
 * Only the running sum of the models is kept. p^(0) is a source forever, so no token ever dies.
 */
final class MixtureStep extends TrainingStep {
  private final double weight;
  /** Σ_{1 ≤ j < m} q(p^(j)) by position. */
  private final double[] models;
  private final double[] q;

  MixtureStep(RunState st, double weight) {
    super(st);
    this.weight = weight;
    models = new double[st.universe];
    q = new double[st.universe];
  }

  @Override
  void train(int m) {
    int n = st.spec.n();
    if (m == 1) {
      st.real(n, st.counts);
    } else {
      double norm = 1.0 / (1.0 + (m - 1) * weight);
      for (int i = 0; i < st.live; i++) {
        q[i] = (st.p0[i] + weight * models[i]) * norm;
      }
      MultinomialSampler.sample(st.rng, n, q, st.live, st.counts);
    }
    st.total = n;
  }

  @Override
  void advance(int m) {
    st.synthetic.distribution(st.counts, st.total, st.live, q);
    for (int i = 0; i < st.live; i++) {
      models[i] += q[i];
    }
  }

  @Override
  void swap(int i, int j) {
    throw new IllegalStateException("p^(0) is always a source: no token dies");
  }
}
