package org.collapsefarm.family;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * Paradigms that draw generation m ≥ 2 from p^(0) and every earlier model (MATH.md §2); generation 1
 * trains on n samples of the truth p^(0).
 *
 * <ul>
 *   <li>randomly sampled, {@code per-sample}: each of the n samples picks its own source g uniform on
 *       {0..m−1} (weight w = 1 below);
 *   <li>randomly sampled, {@code per-generation}: one g uniform on {0..m−1} for all n samples;
 *   <li>accumulate-subsample, {@code pool = fresh}: each sample from the mixture
 *       {@code (p^(0) + k Σ_{1≤j<m} p^(j)) / (1 + (m−1)k)}: real with probability 1/(1 + (m−1)k), else a
 *       model j uniform on {1..m−1} (weight w = k).
 * </ul>
 *
 * Every model is kept (the mixture never forgets one). A generation's samples are grouped by source,
 * and each source gives one training set of its count: sufficient statistics of the union, exactly.
 */
final class MixtureSources<D, M> extends Sources<D, M> {
  private final double weight;
  private final boolean perGeneration;
  /** models.get(t − 1) = p^(t). */
  private final List<M> models = new ArrayList<>();
  private final int[] picks;

  /**
   * @param weight w: 1 for randomly sampled, k for accumulate-subsample with pool = fresh
   * @param perGeneration one source for the whole generation (randomly sampled, per-generation)
   */
  MixtureSources(ModelFamily<D, M> family, ParadigmSpec spec, UniformRandomProvider rng, double weight,
      boolean perGeneration) {
    super(family, spec, rng);
    this.weight = weight;
    this.perGeneration = perGeneration;
    this.picks = new int[spec.n()];
  }

  @Override
  D train(int m, M previous) {
    int n = spec.n();
    if (m == 1) {
      return draw(0, null, n);
    }
    if (perGeneration) {
      int g = rng.nextInt(m);
      return draw(g, g == 0 ? null : models.get(g - 1), n);
    }
    double total = 1.0 + (m - 1) * weight;
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble() * total;
      // [0, 1): the real data; [1 + (j−1)w, 1 + jw): model j. min() guards u·total rounding to total.
      picks[i] = u < 1.0 ? 0 : Math.min(m - 1, 1 + (int) ((u - 1.0) / weight));
    }
    Arrays.sort(picks);
    D data = null;
    for (int i = 0; i < n; ) {
      int t = picks[i];
      int j = i;
      while (j < n && picks[j] == t) {
        j++;
      }
      D part = draw(t, t == 0 ? null : models.get(t - 1), j - i);
      data = data == null ? part : family.merge(data, part);
      i = j;
    }
    return data;
  }

  @Override
  void advance(int m, M model) {
    models.add(model);
  }
}
